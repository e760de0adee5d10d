package io.pbxops.operator.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reference mappers between kinds (after Strimzi's): an informer on a referenced kind that wakes every primary
 * naming the object that changed, so that an object converges as soon as its reference appears.
 */
public final class ReferenceIndex {

    private ReferenceIndex() {}

    /**
     * An informer on {@code referenced} that maps each of its objects to the primaries of the same namespace whose
     * {@code referenceName} is its name.
     */
    public static <S extends HasMetadata, P extends HasMetadata> InformerEventSource<S, P> referencedBy(
            Class<S> referenced,
            EventSourceContext<P> context,
            String name,
            Function<P, Optional<String>> referenceName) {
        return new InformerEventSource<>(
                InformerEventSourceConfiguration.from(referenced, context.getPrimaryResourceClass())
                        .withName(name)
                        .withNamespacesInheritedFromController()
                        .withSecondaryToPrimaryMapper(object -> context.getPrimaryCache()
                                .list(
                                        object.getMetadata().getNamespace(),
                                        primary -> referenceName
                                                .apply(primary)
                                                .filter(object.getMetadata().getName()::equals)
                                                .isPresent())
                                .map(ResourceID::fromResource)
                                .collect(Collectors.toSet()))
                        .build(),
                context);
    }

    /**
     * An informer on {@code referencing}, a kind whose objects name a primary: each of its objects wakes the primary
     * it names in its namespace.
     */
    public static <S extends HasMetadata, P extends HasMetadata> InformerEventSource<S, P> referencing(
            Class<S> referencing,
            EventSourceContext<P> context,
            String name,
            Function<S, Optional<String>> primaryName) {
        return waking(
                referencing,
                context,
                name,
                object -> primaryName
                        .apply(object)
                        .map(primary -> Set.of(
                                new ResourceID(primary, object.getMetadata().getNamespace())))
                        .orElse(Set.of()));
    }

    /** An informer on {@code watched} that wakes the primaries {@code targets} names for each of its objects. */
    public static <S extends HasMetadata, P extends HasMetadata> InformerEventSource<S, P> waking(
            Class<S> watched, EventSourceContext<P> context, String name, Function<S, Set<ResourceID>> targets) {
        return new InformerEventSource<>(
                InformerEventSourceConfiguration.from(watched, context.getPrimaryResourceClass())
                        .withName(name)
                        .withNamespacesInheritedFromController()
                        .withSecondaryToPrimaryMapper(targets::apply)
                        .build(),
                context);
    }

    /** As {@link #waking}, on the objects that carry the label {@code label} only (whatever its value). */
    public static <S extends HasMetadata, P extends HasMetadata> InformerEventSource<S, P> wakingLabelled(
            Class<S> watched,
            EventSourceContext<P> context,
            String name,
            String label,
            Function<S, Set<ResourceID>> targets) {
        return new InformerEventSource<>(
                InformerEventSourceConfiguration.from(watched, context.getPrimaryResourceClass())
                        .withName(name)
                        .withNamespacesInheritedFromController()
                        .withLabelSelector(label)
                        .withSecondaryToPrimaryMapper(targets::apply)
                        .build(),
                context);
    }

    /** An object of another kind from the informer this reconciler registered for it. */
    public static <S extends HasMetadata> Optional<S> lookup(
            Context<?> context, Class<S> kind, String eventSourceName, String namespace, String name) {
        InformerEventSource<S, ?> source = informer(context, kind, eventSourceName);
        return source.get(new ResourceID(name, namespace));
    }

    public static <S extends HasMetadata> List<S> list(Context<?> context, Class<S> kind, String eventSourceName) {
        return informer(context, kind, eventSourceName).list(o -> true).toList();
    }

    @SuppressWarnings("unchecked")
    private static <S extends HasMetadata> InformerEventSource<S, ?> informer(
            Context<?> context, Class<S> kind, String name) {
        return (InformerEventSource<S, ?>) context.eventSourceRetriever().getEventSourceFor(kind, name);
    }
}
