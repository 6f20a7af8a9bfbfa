package uk.safeguarding.explorer.graph;

import graphql.GraphQLContext;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import uk.safeguarding.explorer.model.access.NeedToKnowRules;

/**
 * Resolves the optional {@code asOf} argument every query takes (default today, in Europe/London)
 * and carries it into the answer: a query returns its result with the day in the GraphQL local
 * context ({@link #answer}), so that nested fields such as {@code Person.markers} and
 * {@code Person.currentAddress} inside a 2016 answer answer for 2016 ({@link #of}); an explicit
 * argument on the nested field still wins.
 */
@Component
public class AsOf {

    private static final String KEY = "explorer.asOf";

    private final Clock clock;

    AsOf(Clock clock) {
        this.clock = clock;
    }

    public LocalDate orToday(LocalDate asOf) {
        return asOf != null ? asOf : today();
    }

    public LocalDate today() {
        return NeedToKnowRules.today(clock);
    }

    /** A query's answer carrying its day to every field below it. */
    public static <T> DataFetcherResult<T> answer(T data, LocalDate day) {
        return DataFetcherResult.<T>newResult()
                .data(data)
                .localContext(GraphQLContext.newContext().of(KEY, day).build())
                .build();
    }

    /** The day a nested field answers for: its own argument, else its query's day, else today. */
    public LocalDate of(DataFetchingEnvironment env, LocalDate argument) {
        if (argument != null) {
            return argument;
        }
        if (env != null && env.getLocalContext() instanceof GraphQLContext context && context.hasKey(KEY)) {
            return context.get(KEY);
        }
        return today();
    }
}
