/**
 * The five custom resources of {@code pbxops.io/v1alpha1}: their specs, statuses and the names (annotations,
 * condition types and reasons) that users' repositories rely on. Nothing else lives here: see
 * {@code docs/api.md} for the contract.
 */
package io.pbxops.operator.api;
