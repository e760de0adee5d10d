package io.pbxops.operator.gitops;

/**
 * A cloud object in the plan's scope that no manifest declares: the operator leaves it alone.
 *
 * @param kind  the kind a manifest would declare it with ({@code Company}, {@code Pbx}, {@code PbxShare}, ...)
 * @param where how to find it (its company, its system)
 */
public record UnmanagedObject(String kind, String cloudId, String name, String where) {}
