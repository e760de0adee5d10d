/**
 * Validation shared by the {@code validate} command, the embedded API server's admission and the reconcilers:
 * the CRD schema and its CEL rules (what one object can check by itself), the domain checks Java does on one object,
 * and the cross-object rules of a fleet (docs/domain.md#rules-for-bad-input).
 */
package io.pbxops.operator.validation;
