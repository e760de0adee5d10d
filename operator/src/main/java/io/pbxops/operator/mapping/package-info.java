/**
 * The one mapping between what the manifests declare and what the cloud holds: desired spec → the cloud's
 * representation, and the field-by-field difference with what was observed. The reconcilers, {@code plan} and
 * {@code export} all use it, so a pull request's plan is exactly what the operator will do.
 */
package io.pbxops.operator.mapping;
