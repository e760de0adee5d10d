/**
 * The cloud's wire format as immutable records: reads ({@code Cloud*}) and writes ({@code *Settings} for what can
 * be sent on create and update, {@code New*} adding the create-only fields). Unknown properties are ignored, nulls
 * are not sent, {@code toString} masks secrets. {@code CloudX.settings()} projects a read onto its writable part so
 * that a desired {@code XSettings} can be compared with {@code equals}.
 */
package io.pbxops.operator.cloud.model;
