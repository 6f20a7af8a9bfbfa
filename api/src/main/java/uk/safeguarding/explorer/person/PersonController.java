package uk.safeguarding.explorer.person;

import graphql.schema.DataFetchingEnvironment;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;
import uk.safeguarding.explorer.graph.AsOf;
import uk.safeguarding.explorer.graph.Views.AddressView;
import uk.safeguarding.explorer.graph.Views.MarkerView;
import uk.safeguarding.explorer.graph.Views.PersonView;
import uk.safeguarding.explorer.model.Ages;
import uk.safeguarding.explorer.paging.Connection;

/**
 * The {@code Person} type: lookup by id, search, and the per-person fields. Fields that need the
 * database ({@code markers}, {@code currentAddress}) go through batch loaders keyed by person and
 * as-of date, so a list of people costs one query per field, not one per person. A per-person field
 * answers for its own {@code asOf} argument, else for the day of the answer the person is in
 * ({@link AsOf#of}); a placeholder of a hidden person has no markers, address or age.
 */
@Controller
class PersonController {

    /** A person on a day: the key of the per-person batch loaders. */
    record PersonOn(String personId, LocalDate asOf) {}

    private final PersonService service;
    private final AsOf asOf;

    PersonController(PersonService service, AsOf asOf, BatchLoaderRegistry registry) {
        this.service = service;
        this.asOf = asOf;
        registry.<PersonOn, List<MarkerView>>forName("markers")
                .withOptions(o -> o.setMaxBatchSize(1000))
                .registerMappedBatchLoader(
                        (keys, env) -> Mono.fromCallable(() -> byDay(keys, service::markers, List.<MarkerView>of())));
        registry.<PersonOn, AddressView>forName("currentAddress")
                .withOptions(o -> o.setMaxBatchSize(1000))
                .registerMappedBatchLoader(
                        (keys, env) -> Mono.fromCallable(() -> byDay(keys, service::currentAddresses, null)));
    }

    @QueryMapping
    PersonView person(@Argument String id) {
        return service.person(id);
    }

    @QueryMapping
    List<PersonView> searchPeople(@Argument String text, @Argument Integer first) {
        return service.search(text, first);
    }

    @QueryMapping
    Connection<PersonView> searchPeopleConnection(
            @Argument String text, @Argument Integer first, @Argument String after) {
        return service.searchConnection(text, first, after);
    }

    @SchemaMapping(typeName = "Person")
    Integer age(PersonView person, @Argument LocalDate asOf, DataFetchingEnvironment env) {
        return Ages.ageOn(person.dateOfBirth(), this.asOf.of(env, asOf));
    }

    @SchemaMapping(typeName = "Person")
    boolean child(PersonView person, @Argument LocalDate asOf, DataFetchingEnvironment env) {
        return Ages.isChild(person.dateOfBirth(), person.deceasedOn(), this.asOf.of(env, asOf));
    }

    /** Markers on the day of the field's argument, else of the answer the person is in; none for a placeholder. */
    @SchemaMapping(typeName = "Person")
    CompletableFuture<List<MarkerView>> markers(
            PersonView person,
            @Argument LocalDate asOf,
            DataLoader<PersonOn, List<MarkerView>> markers,
            DataFetchingEnvironment env) {
        if (person.restricted()) {
            return CompletableFuture.completedFuture(List.of());
        }
        return markers.load(new PersonOn(person.id(), this.asOf.of(env, asOf)));
    }

    /** The address on the day of the field's argument, else of the answer the person is in; none for a placeholder. */
    @SchemaMapping(typeName = "Person")
    CompletableFuture<AddressView> currentAddress(
            PersonView person,
            @Argument LocalDate asOf,
            DataLoader<PersonOn, AddressView> currentAddress,
            DataFetchingEnvironment env) {
        if (person.restricted()) {
            return CompletableFuture.completedFuture(null);
        }
        return currentAddress.load(new PersonOn(person.id(), this.asOf.of(env, asOf)));
    }

    /** One query per distinct as-of day in the batch (nearly always exactly one). */
    private static <T> Map<PersonOn, T> byDay(
            Set<PersonOn> keys, BiFunction<Collection<String>, LocalDate, Map<String, T>> load, T absent) {
        var result = new HashMap<PersonOn, T>();
        keys.stream()
                .collect(Collectors.groupingBy(
                        PersonOn::asOf, Collectors.mapping(PersonOn::personId, Collectors.toSet())))
                .forEach((day, ids) -> {
                    var found = load.apply(ids, day);
                    ids.forEach(id -> {
                        var value = found.getOrDefault(id, absent);
                        if (value != null) {
                            result.put(new PersonOn(id, day), value);
                        }
                    });
                });
        return result;
    }
}
