package dev.genieheal.fix;

import dev.genieheal.error.GenieHealException;
import dev.genieheal.error.ValidationException;
import dev.genieheal.error.Violation;
import dev.genieheal.space.Catalog;
import dev.genieheal.space.GenieSpace;
import dev.genieheal.space.IdGenerator;
import dev.genieheal.space.SpaceValidator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The standard {@link FixApplier}: applies fixes one at a time, additively, and keeps a fix only when the space
 * still validates afterwards.
 *
 * <p>For each fix, in order:
 * <ol>
 *   <li>its target is checked: a table must be in the space; with a catalog in the request, tables and columns must
 *       exist in the warehouse; example SQL must pass {@link dev.genieheal.sql.ReadOnlySqlGuard};</li>
 *   <li>the change is made additively: a description is set only when empty unless {@code replace} is true;
 *       synonyms are a union ignoring case; a text rule is appended as lines to the one text-instruction block
 *       (created when absent); a join spec with {@code replacesId} replaces that spec, keeping its id, instruction
 *       and any unknown fields; a column without a column config gets one; entity matching turns format assistance
 *       on. New elements get ids that sort after every id in their uniqueness group, SQL is split into lines as real
 *       exports do;</li>
 *   <li>the space is canonicalised and validated with the applier's {@link SpaceValidator} (plus the request's
 *       catalog when given). A fix that would make it invalid is rejected on its own, with the violations as
 *       reason, and the next fix starts from the last valid space.</li>
 * </ol>
 * A fix that changes nothing is rejected with a reason starting {@link RejectedFix#ALREADY_PRESENT}, which is why
 * applying the same fixes twice equals applying them once. Each applied fix has an {@link AppliedFix} audit record
 * with the JSON path of the element it changed or added (in the returned space) and the element's JSON before and
 * after.
 *
 * <p>Defaults: ids from {@code IdGenerator.timeOrdered(clock, new SplittableRandom())} with
 * {@code Clock.systemUTC()}; validation with {@code SpaceValidator.standard()} (the API's limits). Immutable and
 * thread-safe when its id generator is (the built-ins are).
 */
public final class DefaultFixApplier implements FixApplier {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultFixApplier.class);
  private static final int VIOLATIONS_IN_REASON = 5;

  private final Clock clock;
  private final IdGenerator configuredIdGenerator;
  private final IdGenerator idGenerator;
  private final SpaceValidator validator;

  private DefaultFixApplier(Builder builder) {
    this.clock = builder.clock;
    this.validator = builder.validator;
    this.configuredIdGenerator = builder.idGenerator;
    this.idGenerator = configuredIdGenerator != null
        ? configuredIdGenerator
        : IdGenerator.timeOrdered(clock, new SplittableRandom());
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this applier's settings. */
  public Builder toBuilder() {
    Builder b = new Builder().clock(clock).validator(validator);
    if (configuredIdGenerator != null) {
      b.idGenerator(configuredIdGenerator);
    }
    return b;
  }

  /**
   * Applies the request's fixes in order.
   *
   * @throws ValidationException when the request's space is invalid even in canonical form (checked with the
   *     request's catalog when given); then no fix is applied, since none could leave a valid space
   */
  @Override
  public FixResult apply(FixRequest request) {
    Objects.requireNonNull(request, "request");
    Catalog catalog = request.catalog();
    SpaceValidator checks = catalog == null ? validator : validator.toBuilder().catalog(catalog).build();
    GenieSpace current = request.space().canonicalize();
    List<Violation> invalid = checks.validate(current);
    if (!invalid.isEmpty()) {
      throw new ValidationException("the space to fix is invalid even in canonical form; no fix was applied",
          invalid);
    }
    List<AppliedFix> applied = new ArrayList<>();
    List<RejectedFix> rejected = new ArrayList<>();
    ElementJson currentJson = null;
    for (Fix fix : request.fixes()) {
      Edit edit;
      try {
        edit = edit(current, catalog, fix);
      } catch (IllegalArgumentException | IllegalStateException | GenieHealException e) {
        edit = Edit.refused("cannot apply: " + e.getMessage());
      }
      if (edit instanceof Edit.Refused r) {
        reject(rejected, fix, r.reason());
        continue;
      }
      Edit.Changed change = (Edit.Changed) edit;
      GenieSpace candidate = change.space().canonicalize();
      if (candidate.equals(current)) {
        reject(rejected, fix, RejectedFix.ALREADY_PRESENT);
        continue;
      }
      List<Violation> violations = checks.validate(candidate);
      if (!violations.isEmpty()) {
        reject(rejected, fix, "would make the space invalid: " + describe(violations));
        continue;
      }
      String path = change.locate().apply(candidate).orElseThrow(
          () -> new IllegalStateException("the element a " + fix.type() + " fix changed cannot be found"));
      if (currentJson == null) {
        currentJson = ElementJson.of(current);
      }
      ElementJson candidateJson = ElementJson.of(candidate);
      String before = currentJson.at(change.locate().apply(current).orElse(null));
      String after = Objects.requireNonNull(candidateJson.at(path), () -> "no JSON at " + path);
      applied.add(new AppliedFix(fix, path, before, after));
      LOG.debug("applied {} fix at {}", fix.type(), path);
      current = candidate;
      currentJson = candidateJson;
    }
    return new FixResult(current, applied, rejected);
  }

  private Edit edit(GenieSpace space, Catalog catalog, Fix fix) {
    if (fix instanceof TableDescriptionFix f) {
      return ColumnEdits.tableDescription(space, catalog, f);
    } else if (fix instanceof ColumnDescriptionFix f) {
      return ColumnEdits.columnDescription(space, catalog, f);
    } else if (fix instanceof ColumnSynonymsFix f) {
      return ColumnEdits.columnSynonyms(space, catalog, f);
    } else if (fix instanceof ColumnFlagsFix f) {
      return ColumnEdits.columnFlags(space, catalog, f);
    } else if (fix instanceof JoinSpecFix f) {
      return InstructionEdits.joinSpec(space, catalog, idGenerator, f);
    } else if (fix instanceof ExampleSqlFix f) {
      return InstructionEdits.exampleSql(space, idGenerator, f);
    } else if (fix instanceof TextInstructionFix f) {
      return InstructionEdits.textInstruction(space, idGenerator, f);
    } else if (fix instanceof SqlSnippetFix f) {
      return InstructionEdits.sqlSnippet(space, idGenerator, f);
    } else if (fix instanceof SampleQuestionFix f) {
      return InstructionEdits.sampleQuestion(space, idGenerator, f);
    }
    throw new IllegalArgumentException("unsupported fix type: " + fix.type());
  }

  private static void reject(List<RejectedFix> rejected, Fix fix, String reason) {
    LOG.debug("rejected {} fix: {}", fix.type(), reason);
    rejected.add(RejectedFix.of(fix, reason));
  }

  private static String describe(List<Violation> violations) {
    String head = violations.stream().limit(VIOLATIONS_IN_REASON).map(Violation::toString)
        .collect(Collectors.joining("; "));
    int more = violations.size() - VIOLATIONS_IN_REASON;
    return more > 0 ? head + "; and " + more + " more" : head;
  }

  /**
   * Builds a {@link DefaultFixApplier}.
   *
   * <p>Defaults: {@code clock} = {@code Clock.systemUTC()}; {@code idGenerator} = time-ordered ids from the clock
   * and a {@code SplittableRandom}; {@code validator} = {@code SpaceValidator.standard()}. Not thread-safe.
   */
  public static final class Builder {
    private IdGenerator idGenerator;
    private Clock clock = Clock.systemUTC();
    private SpaceValidator validator = SpaceValidator.standard();

    private Builder() {}

    /**
     * The source of ids for new elements; it is asked for an id after the greatest one already in the element's
     * uniqueness group, so new elements sort last.
     *
     * @throws NullPointerException when {@code idGenerator} is null
     */
    public Builder idGenerator(IdGenerator idGenerator) {
      this.idGenerator = Objects.requireNonNull(idGenerator, "idGenerator");
      return this;
    }

    /**
     * The clock of the default time-ordered id generator; ignored when an {@link #idGenerator} is set.
     *
     * @throws NullPointerException when {@code clock} is null
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The validator every result must pass, e.g. one with tighter limits ({@code SpaceValidator.builder()
     * .maxInstructions(50).build()}). A request's catalog is added to it for that request.
     *
     * @throws NullPointerException when {@code validator} is null
     */
    public Builder validator(SpaceValidator validator) {
      this.validator = Objects.requireNonNull(validator, "validator");
      return this;
    }

    /** An immutable applier with these settings. */
    public DefaultFixApplier build() {
      return new DefaultFixApplier(this);
    }
  }
}
