package uk.safeguarding.explorer.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import uk.safeguarding.explorer.model.DateBounds;

/**
 * The {@code Date} (ISO day) and {@code DateTime} (ISO instant, UTC) scalars, in one place, both
 * bounded to the days 1900-01-01 to 2100-12-31 ({@link DateBounds}): a value outside is refused as
 * the bad argument or variable it is, before any query runs. And {@code Long}, a whole number of up
 * to 64 bits (audit sequence numbers), written as a JSON integer.
 */
@Configuration(proxyBeanMethods = false)
class ScalarConfiguration {

    private static LocalDate day(String text, Function<String, RuntimeException> refusal) {
        LocalDate day;
        try {
            day = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw refusal.apply("'" + shown(text) + "' is not an ISO date (YYYY-MM-DD)");
        }
        if (!DateBounds.contains(day)) {
            throw refusal.apply("'" + shown(text) + "' is out of range: a Date " + DateBounds.REASON);
        }
        return day;
    }

    private static ZonedDateTime instant(String text, Function<String, RuntimeException> refusal) {
        Instant instant;
        try {
            instant = Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw refusal.apply("not an ISO instant such as 2018-08-01T10:00:00Z");
        }
        if (!DateBounds.contains(instant)) {
            throw refusal.apply("'" + shown(text) + "' is out of range: a DateTime " + DateBounds.REASON);
        }
        return instant.atZone(ZoneOffset.UTC);
    }

    private static String shown(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    static final GraphQLScalarType DATE = GraphQLScalarType.newScalar()
            .name("Date")
            .description("An ISO-8601 calendar day from 1900-01-01 to 2100-12-31, e.g. 2018-09-26.")
            .coercing(new Coercing<LocalDate, String>() {
                @Override
                public String serialize(Object value, GraphQLContext context, Locale locale) {
                    if (value instanceof LocalDate date) {
                        return date.toString();
                    }
                    throw new CoercingSerializeException("not a date");
                }

                @Override
                public LocalDate parseValue(Object input, GraphQLContext context, Locale locale) {
                    if (input instanceof String text) {
                        return day(text, CoercingParseValueException::new);
                    }
                    throw new CoercingParseValueException("a Date must be a string such as 2018-09-26");
                }

                @Override
                public LocalDate parseLiteral(
                        Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                    if (input instanceof StringValue text) {
                        return day(text.getValue(), CoercingParseLiteralException::new);
                    }
                    throw new CoercingParseLiteralException("a Date must be a string such as \"2018-09-26\"");
                }
            })
            .build();

    static final GraphQLScalarType DATE_TIME = GraphQLScalarType.newScalar()
            .name("DateTime")
            .description("An ISO-8601 instant in UTC on a day from 1900-01-01 to 2100-12-31, "
                    + "e.g. 2018-08-01T10:00:00Z.")
            .coercing(new Coercing<ZonedDateTime, String>() {
                @Override
                public String serialize(Object value, GraphQLContext context, Locale locale) {
                    if (value instanceof ZonedDateTime time) {
                        return time.withZoneSameInstant(ZoneOffset.UTC)
                                .toInstant()
                                .toString();
                    }
                    if (value instanceof OffsetDateTime time) {
                        return time.toInstant().toString();
                    }
                    if (value instanceof Instant instant) {
                        return instant.toString();
                    }
                    throw new CoercingSerializeException("not an instant");
                }

                @Override
                public ZonedDateTime parseValue(Object input, GraphQLContext context, Locale locale) {
                    return instant(String.valueOf(input), CoercingParseValueException::new);
                }

                @Override
                public ZonedDateTime parseLiteral(
                        Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                    if (input instanceof StringValue text) {
                        return instant(text.getValue(), CoercingParseLiteralException::new);
                    }
                    throw new CoercingParseLiteralException("a DateTime must be a string");
                }
            })
            .build();

    static final GraphQLScalarType LONG = GraphQLScalarType.newScalar()
            .name("Long")
            .description("A whole number of up to 64 bits, e.g. an audit sequence number.")
            .coercing(new Coercing<Long, Long>() {
                @Override
                public Long serialize(Object value, GraphQLContext context, Locale locale) {
                    if (value instanceof Long || value instanceof Integer || value instanceof Short) {
                        return ((Number) value).longValue();
                    }
                    throw new CoercingSerializeException("not a whole number");
                }

                @Override
                public Long parseValue(Object input, GraphQLContext context, Locale locale) {
                    if (input instanceof Long || input instanceof Integer || input instanceof Short) {
                        return ((Number) input).longValue();
                    }
                    if (input instanceof BigInteger big && big.bitLength() < 64) {
                        return big.longValue();
                    }
                    throw new CoercingParseValueException("a Long must be a whole number of up to 64 bits");
                }

                @Override
                public Long parseLiteral(
                        Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                    if (input instanceof IntValue number && number.getValue().bitLength() < 64) {
                        return number.getValue().longValue();
                    }
                    throw new CoercingParseLiteralException("a Long must be a whole number of up to 64 bits");
                }
            })
            .build();

    @Bean
    RuntimeWiringConfigurer scalars() {
        return wiring -> wiring.scalar(DATE).scalar(DATE_TIME).scalar(LONG);
    }
}
