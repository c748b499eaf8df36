/**
 * The case store, one GeoPackage that desktop GIS opens: cases, tasks, history, runs, as typed rows
 * ({@link io.landwatch.store.CaseRow}, {@link io.landwatch.store.TaskRow},
 * {@link io.landwatch.store.HistoryRow}, {@link io.landwatch.store.RunRow}). The schema is versioned
 * and migrated on open ({@link io.landwatch.store.StoreSchema}); while open the store holds
 * SQLite&#39;s write lock; every change set is one transaction. {@link io.landwatch.store.CaseSync}
 * applies a run (one-to-one matching by {@link io.landwatch.store.CaseMatcher}),
 * {@link io.landwatch.store.FeedbackImport} field results (rules in
 * {@link io.landwatch.store.FeedbackRules}), {@link io.landwatch.store.Ledger} and
 * {@link io.landwatch.store.StoreStatus} read it.
 */
package io.landwatch.store;

