package io.landwatch.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sha256Test {
  @TempDir Path dir;

  @Test
  void knownDigestAndBothPathsAgree() throws Exception {
    Path abc = dir.resolve("abc");
    Files.writeString(abc, "abc");
    assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Sha256.of(abc));
    Path big = dir.resolve("big.bin");
    byte[] data = new byte[(int) Sha256.NATIVE_ABOVE_BYTES + 12345];
    new Random(1).nextBytes(data);
    Files.write(big, data);
    String viaJava = Sha256.java(big);
    assertEquals(viaJava, Sha256.of(big));
  }

  @Test
  void opensslAgreesWhereItIsInstalled() throws Exception {
    Path big = dir.resolve("big.bin");
    byte[] data = new byte[(int) Sha256.NATIVE_ABOVE_BYTES + 777];
    new Random(2).nextBytes(data);
    Files.write(big, data);
    String viaOpenssl = Sha256.openssl(big);
    assumeTrue(viaOpenssl != null, "openssl is not on this machine");
    assertEquals(Sha256.java(big), viaOpenssl);
  }
}
