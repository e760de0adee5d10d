package io.pbxops.operator.decision;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Who holds a cloud object among the objects that claim it, by its ID (an annotation, a status) or by its natural key
 * (a company's name, a fleet equipment ID, a shared PBX's name). A claim recorded in a status (a create or an
 * adoption) holds; among several recorded ones, or when none is, the oldest object holds. Everyone else waits in
 * {@code Conflict}, writing and deleting nothing, until the holder goes.
 */
public final class ClaimRule {

    /**
     * One object that may stand for the cloud object.
     *
     * @param reference "Kind namespace/name", for people
     * @param recorded  its status records the cloud object as its own (it created or adopted it)
     * @param created   when it was created in the cluster (null: unknown, counts as the newest)
     * @param order     a tie-break among objects created in the same second (its namespace/name)
     */
    public record Claimant(String reference, boolean recorded, Instant created, String order) {}

    private static final Comparator<Claimant> OLDEST_FIRST = Comparator.comparing(
                    Claimant::created, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Claimant::order);

    private ClaimRule() {}

    /** The claim as {@code self} sees it: free, or held by the object {@code others} names. */
    public static Claim holder(Claimant self, List<Claimant> others) {
        List<Claimant> rivals = others.stream()
                .filter(other -> !Objects.equals(other.reference(), self.reference()))
                .toList();
        if (rivals.isEmpty()) {
            return Claim.FREE;
        }
        boolean anyRecorded = self.recorded() || rivals.stream().anyMatch(Claimant::recorded);
        Optional<Claimant> holder = Stream.concat(Stream.of(self), rivals.stream())
                .filter(claimant -> !anyRecorded || claimant.recorded())
                .min(OLDEST_FIRST);
        return holder.filter(h -> !h.reference().equals(self.reference()))
                .map(h -> Claim.heldBy(h.reference()))
                .orElse(Claim.FREE);
    }
}
