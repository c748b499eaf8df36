package io.landwatch.store;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Where a case stands in its legal life (county notice §三–§六): reported → verified (illegal or
 * not) → stopped (制止) → filed (立案) → decided (处罚决定) → executed (履行) → closed (结案).
 * Referrals to the police, procuratorate, court or discipline commission are a branch beside it
 * ({@link Lifecycle}); they do not change the stage.
 */
public enum Stage {
  REPORTED("reported", "待核查"),
  VERIFIED_ILLEGAL("verified_illegal", "核实违法"),
  VERIFIED_LEGAL("verified_legal", "核实合法"),
  STOPPED("stopped", "已制止"),
  FILED("filed", "已立案"),
  DECIDED("decided", "已作出处罚决定"),
  EXECUTED("executed", "已履行"),
  CLOSED("closed", "已结案");

  private final String code;
  private final String label;

  Stage(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  /** The stage a stored code names; null (cases before the lifecycle) is reported. */
  public static Stage of(String code) {
    return code == null ? REPORTED : Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown stage " + code));
  }

  /** The stages that may follow this one. */
  public List<Stage> next() {
    return switch (this) {
      case REPORTED -> List.of(VERIFIED_ILLEGAL, VERIFIED_LEGAL);
      case VERIFIED_ILLEGAL -> List.of(STOPPED, FILED);
      case VERIFIED_LEGAL -> List.of(CLOSED);
      case STOPPED -> List.of(FILED);
      case FILED -> List.of(DECIDED);
      case DECIDED -> List.of(EXECUTED);
      case EXECUTED -> List.of(CLOSED);
      case CLOSED -> List.of();
    };
  }

  /** The stages from which a case may be referred: verified illegal and not closed. */
  static final Set<Stage> REFERABLE = Set.of(VERIFIED_ILLEGAL, STOPPED, FILED, DECIDED, EXECUTED);

  @Override
  public String toString() {
    return code + " (" + label + ")";
  }
}
