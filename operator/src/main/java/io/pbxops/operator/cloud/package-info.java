/**
 * The typed client of the Rainbow cloud admin API.
 *
 * <p>Entry point: {@link io.pbxops.operator.cloud.RainbowClient} (one per cloud account, thread-safe) with its
 * {@code companies()}, {@code sites()}, {@code systems()} and {@code mediaPillars()} clients. Wire records are in
 * {@code cloud.model}; every invented name is in {@link io.pbxops.operator.cloud.CloudExtensions}.
 *
 * <p>What the client does for every caller: login, token renewal at half-life and one re-login on 401; a login
 * guard that stops after 3 refused logins until the credentials change; retries with backoff, jitter and
 * {@code Retry-After} through Failsafe (idempotent calls on 429/5xx/I/O errors, creates only on 429 and refused
 * connections); one {@link io.pbxops.operator.cloud.CloudBudget} per account; counters through
 * {@link io.pbxops.operator.cloud.CloudMetrics}; typed {@link io.pbxops.operator.cloud.CloudException}s whose
 * messages hold no secret.
 */
package io.pbxops.operator.cloud;
