package io.pbxops.operator.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** When the activation watch passes, as tables (no cloud, no clock). */
class ActivationWatchPaceTest {

    private static final Duration RECHECK = Duration.ofSeconds(10);
    private static final Duration DRIFT = Duration.ofMinutes(5);
    private static final int PER_SECOND = 20;

    static Stream<Arguments> othersIdle() {
        return Stream.of(
                Arguments.of("nobody else asked anything", 0L, 1000L, true),
                Arguments.of("others took half the budget: still idle", 10L, 1000L, true),
                Arguments.of("others took more than half of it: busy", 11L, 1000L, false),
                Arguments.of("the same count over two seconds is half the rate", 20L, 2000L, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void othersIdle(String row, long others, long tickMillis, boolean expected) {
        assertEquals(expected, ActivationWatch.othersIdle(others, Duration.ofMillis(tickMillis), PER_SECOND));
    }

    static Stream<Arguments> quickest() {
        return Stream.of(
                Arguments.of("a pass of 4 requests takes 0.8 s on a quarter of 20/s: a second at the soonest", 4L, 1),
                Arguments.of("a pass of 20 requests: 4 s", 20L, 4),
                Arguments.of("a pass of 100 requests: the pending recheck at the latest", 100L, 10));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void quickest(String row, long passCost, int expectedSeconds) {
        assertEquals(Duration.ofSeconds(expectedSeconds), ActivationWatch.quickest(passCost, PER_SECOND, RECHECK));
    }

    static Stream<Arguments> due() {
        return Stream.of(
                Arguments.of("the wait is over", 10, 10, false, true),
                Arguments.of("before the wait, on a busy budget or with nothing moving", 3, 10, false, false),
                Arguments.of("things move and the budget is idle: the quick pass", 1, 10, true, true),
                Arguments.of("things move on an idle budget, but not a second yet", 0, 10, true, false),
                Arguments.of("a long wait is not cut short by an idle budget alone", 30, 80, false, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void due(String row, int since, int wait, boolean stirringOnAnIdleBudget, boolean expected) {
        assertEquals(
                expected,
                ActivationWatch.due(
                        Duration.ofSeconds(since),
                        Duration.ofSeconds(wait),
                        stirringOnAnIdleBudget,
                        Duration.ofSeconds(1)));
    }

    static Stream<Arguments> nextWait() {
        return Stream.of(
                Arguments.of("something moved: the pending recheck", 80, true, 10),
                Arguments.of("nothing moved: twice the last wait", 10, false, 20),
                Arguments.of("nothing moved for long: the drift interval at most", 200, false, 300));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void nextWait(String row, int last, boolean stirring, int expected) {
        assertEquals(
                Duration.ofSeconds(expected),
                ActivationWatch.nextWait(Duration.ofSeconds(last), stirring, RECHECK, DRIFT));
    }
}
