package dev.genieheal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Laws of the stop-policy combinators over the built-in (pure) policies. */
class StopPolicyProperties {

  @Provide
  Arbitrary<StopPolicy> policy() {
    return Arbitraries.oneOf(List.of(
        Arbitraries.integers().between(0, 20).map(k -> StopPolicy.targetScore(k / 20.0)),
        Arbitraries.integers().between(0, 6).map(StopPolicy::maxIterations),
        Combinators.combine(Arbitraries.integers().between(0, 4), Arbitraries.integers().between(1, 3))
            .as((m, n) -> StopPolicy.plateau(m / 20.0, n)),
        Arbitraries.integers().between(1, 3).map(StopPolicy::degradation),
        Arbitraries.integers().between(1, 120).map(m -> StopPolicy.deadline(Duration.ofMinutes(m))),
        Arbitraries.longs().between(1, 200).map(StopPolicy::questionBudget),
        Arbitraries.longs().between(1, 5000).map(StopPolicy::tokenBudget)));
  }

  @Provide
  Arbitrary<LoopState> state() {
    Arbitrary<int[]> scores = Arbitraries.integers().between(0, LoopStates.QUESTIONS).array(int[].class)
        .ofMinSize(1).ofMaxSize(7);
    return Combinators.combine(scores, Arbitraries.integers().between(0, 150), Arbitraries.longs().between(0, 200),
        Arbitraries.longs().between(0, 6000))
        .as((s, minutes, asked, tokens) -> LoopStates.of(Duration.ofMinutes(minutes), asked, tokens, s));
  }

  private static List<StopPolicy> shuffled(List<StopPolicy> policies, long seed) {
    List<StopPolicy> copy = new ArrayList<>(policies);
    Collections.shuffle(copy, new java.util.Random(seed));
    return copy;
  }

  @Property(tries = 250)
  void anyOf_ignoresOrder(@ForAll @Size(min = 1, max = 5) List<@net.jqwik.api.From("policy") StopPolicy> policies,
      @ForAll("state") LoopState state, @ForAll long seed) {
    boolean stops = StopPolicy.anyOf(policies.toArray(StopPolicy[]::new)).decide(state).stops();
    boolean shuffledStops = StopPolicy.anyOf(shuffled(policies, seed).toArray(StopPolicy[]::new))
        .decide(state).stops();
    assertThat(shuffledStops).isEqualTo(stops);
  }

  @Property(tries = 250)
  void allOf_ignoresOrder(@ForAll @Size(min = 1, max = 5) List<@net.jqwik.api.From("policy") StopPolicy> policies,
      @ForAll("state") LoopState state, @ForAll long seed) {
    boolean stops = StopPolicy.allOf(policies.toArray(StopPolicy[]::new)).decide(state).stops();
    boolean shuffledStops = StopPolicy.allOf(shuffled(policies, seed).toArray(StopPolicy[]::new))
        .decide(state).stops();
    assertThat(shuffledStops).isEqualTo(stops);
  }

  @Property(tries = 250)
  void anyOf_stopsExactlyWhenSomePolicyStops(
      @ForAll @Size(min = 1, max = 5) List<@net.jqwik.api.From("policy") StopPolicy> policies,
      @ForAll("state") LoopState state) {
    assertThat(StopPolicy.anyOf(policies.toArray(StopPolicy[]::new)).decide(state).stops())
        .isEqualTo(policies.stream().anyMatch(p -> p.decide(state).stops()));
    assertThat(StopPolicy.allOf(policies.toArray(StopPolicy[]::new)).decide(state).stops())
        .isEqualTo(policies.stream().allMatch(p -> p.decide(state).stops()));
  }

  @Property(tries = 250)
  void singlePolicy_combinatorsAreIdentity(@ForAll("policy") StopPolicy p, @ForAll("state") LoopState state) {
    assertThat(StopPolicy.anyOf(p).decide(state)).isEqualTo(p.decide(state));
    assertThat(StopPolicy.allOf(p).decide(state)).isEqualTo(p.decide(state));
  }

  @Property(tries = 250)
  void anyOf_isIdempotentAndFlattens(@ForAll("policy") StopPolicy a, @ForAll("policy") StopPolicy b,
      @ForAll("policy") StopPolicy c, @ForAll("state") LoopState state) {
    assertThat(StopPolicy.anyOf(a, a).decide(state)).isEqualTo(a.decide(state));
    assertThat(StopPolicy.anyOf(StopPolicy.anyOf(a, b), c).decide(state))
        .isEqualTo(StopPolicy.anyOf(a, StopPolicy.anyOf(b, c)).decide(state));
  }
}
