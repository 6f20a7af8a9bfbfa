package uk.safeguarding.explorer.graphql;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** The {@code Date} (ISO day) and {@code DateTime} (ISO instant, UTC) scalars, in one place. */
@Configuration(proxyBeanMethods = false)
class ScalarConfiguration {

    static final GraphQLScalarType DATE = GraphQLScalarType.newScalar().name("Date")
            .description("An ISO-8601 calendar day, e.g. 2018-09-26.")
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
                        try {
                            return LocalDate.parse(text);
                        } catch (DateTimeParseException e) {
                            throw new CoercingParseValueException("'" + text + "' is not an ISO date (YYYY-MM-DD)");
                        }
                    }
                    throw new CoercingParseValueException("a Date must be a string such as 2018-09-26");
                }

                @Override
                public LocalDate parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                        Locale locale) {
                    if (input instanceof StringValue text) {
                        try {
                            return LocalDate.parse(text.getValue());
                        } catch (DateTimeParseException e) {
                            throw new CoercingParseLiteralException(
                                    "'" + text.getValue() + "' is not an ISO date (YYYY-MM-DD)");
                        }
                    }
                    throw new CoercingParseLiteralException("a Date must be a string such as \"2018-09-26\"");
                }
            }).build();

    static final GraphQLScalarType DATE_TIME = GraphQLScalarType.newScalar().name("DateTime")
            .description("An ISO-8601 instant in UTC, e.g. 2018-08-01T10:00:00Z.")
            .coercing(new Coercing<ZonedDateTime, String>() {
                @Override
                public String serialize(Object value, GraphQLContext context, Locale locale) {
                    if (value instanceof ZonedDateTime time) {
                        return time.withZoneSameInstant(ZoneOffset.UTC).toInstant().toString();
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
                    try {
                        return Instant.parse(String.valueOf(input)).atZone(ZoneOffset.UTC);
                    } catch (DateTimeParseException e) {
                        throw new CoercingParseValueException("not an ISO instant such as 2018-08-01T10:00:00Z");
                    }
                }

                @Override
                public ZonedDateTime parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                        Locale locale) {
                    if (input instanceof StringValue text) {
                        try {
                            return Instant.parse(text.getValue()).atZone(ZoneOffset.UTC);
                        } catch (DateTimeParseException e) {
                            throw new CoercingParseLiteralException("not an ISO instant such as 2018-08-01T10:00:00Z");
                        }
                    }
                    throw new CoercingParseLiteralException("a DateTime must be a string");
                }
            }).build();

    @Bean
    RuntimeWiringConfigurer scalars() {
        return wiring -> wiring.scalar(DATE).scalar(DATE_TIME);
    }
}
