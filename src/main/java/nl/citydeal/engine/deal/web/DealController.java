package nl.citydeal.engine.deal.web;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import nl.citydeal.engine.deal.Deal;
import nl.citydeal.engine.deal.DealCriteria;
import nl.citydeal.engine.deal.DealPhase;
import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.deal.InvalidDealException;
import nl.citydeal.engine.deal.Participant;
import nl.citydeal.engine.deal.ScalingIntent;
import nl.citydeal.engine.deal.StaatscourantReference;
import nl.citydeal.engine.system.InvalidInputException;
import nl.citydeal.engine.system.NotFoundException;
import nl.citydeal.engine.system.web.PageResponse;
import nl.citydeal.engine.system.web.Viewer;

/** The deal registry over HTTP. Deal leads see only the deals they lead; others answer 404. */
@RestController
@RequestMapping("/api/deals")
@Validated
class DealController {

    static final List<String> SORTABLE =
            List.of("name", "theme", "phase", "signedOn", "endsOn", "registeredAt", "dealLead");

    private final DealRegistry registry;
    private final Clock clock;
    private final Validator validator;

    DealController(DealRegistry registry, Clock clock, Validator validator) {
        this.registry = registry;
        this.clock = clock;
        this.validator = validator;
    }

    @PostMapping
    ResponseEntity<DealResponse> register(@RequestBody DealRequest request, Authentication user) {
        LocalDate today = LocalDate.now(clock);
        fieldProblemsOf(request, today);
        // the registry checks the deal lead and the term itself, in the registration's transaction
        Deal deal = registry.register(request.toNewDeal(today), user.getName());
        return ResponseEntity.created(URI.create("/api/deals/" + deal.getId())).body(DealResponse.of(deal));
    }

    /**
     * Every problem of a registration in one answer: when a field breaks its constraints or the Staatscourant
     * reference is wrong, the domain's rules (a deal lead that is one, the term) are checked too, and each invalid
     * field is named in Dutch; nothing is registered. Without such a problem the registry's own check, as it
     * registers, is the only one.
     */
    private void fieldProblemsOf(DealRequest request, LocalDate today) {
        Map<String, String> errors = new LinkedHashMap<>();
        validator
                .validate(request)
                .forEach(violation -> errors.merge(
                        violation.getPropertyPath().toString(), violation.getMessage(), (a, b) -> a + " " + b));
        try {
            StaatscourantReference.checked(
                    request.staatscourantYear(),
                    request.staatscourantNumber(),
                    today,
                    "staatscourantYear",
                    "staatscourantNumber");
        } catch (InvalidInputException e) {
            e.errors().forEach(errors::putIfAbsent);
        }
        if (errors.isEmpty()) {
            return;
        }
        try {
            registry.checkRegistration(request.dealLead(), request.signedOn(), request.endsOn());
        } catch (InvalidInputException e) {
            e.errors().forEach(errors::putIfAbsent);
        }
        throw new InvalidInputException(errors);
    }

    @GetMapping
    PageResponse<DealResponse> list(
            @RequestParam(required = false) DealPhase phase,
            @RequestParam(required = false) @Size(max = 200) String theme,
            @RequestParam(required = false) @Size(max = 64) String dealLead,
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(required = false) ScalingIntent scalingIntent,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
            @RequestParam(defaultValue = "name") String sort,
            @RequestParam(defaultValue = "asc") String direction,
            Authentication user) {
        if (!SORTABLE.contains(sort)) {
            throw new InvalidDealException("sort", "Sorteren kan op " + String.join(", ", SORTABLE) + ".");
        }
        Viewer viewer = Viewer.of(user);
        String ledBy = viewer.seesAllDeals() ? null : viewer.userId();
        Sort order = Sort.by("desc".equalsIgnoreCase(direction) ? Sort.Direction.DESC : Sort.Direction.ASC, sort)
                .and(Sort.by("id"));
        Page<Deal> deals = registry.search(
                new DealCriteria(phase, theme, dealLead, overdue, ledBy, scalingIntent, null),
                PageRequest.of(page, size, order));
        return PageResponse.of(deals.map(DealResponse::of));
    }

    @GetMapping("/{id}")
    DealResponse get(@PathVariable String id, Authentication user) {
        Deal deal = visible(id, user);
        return DealResponse.of(deal, registry.participants(id), registry.decisions(id));
    }

    @PutMapping("/{id}/term")
    DealResponse changeTerm(@PathVariable String id, @Valid @RequestBody TermChange change, Authentication user) {
        return DealResponse.of(registry.changeTerm(id, change.endsOn(), change.reason(), user.getName()));
    }

    @PostMapping("/{id}/participants")
    @ResponseStatus(HttpStatus.CREATED)
    DealResponse.ParticipantResponse addParticipant(
            @PathVariable String id,
            @Valid @RequestBody DealRequest.ParticipantRequest participant,
            Authentication user) {
        visible(id, user);
        Participant added = registry.addLateParticipant(id, participant.toNewParticipant(), user.getName());
        return DealResponse.ParticipantResponse.of(added);
    }

    @PutMapping("/{id}/lead")
    DealResponse changeLead(@PathVariable String id, @Valid @RequestBody LeadChange change, Authentication user) {
        return DealResponse.of(registry.changeLead(id, change.dealLead(), user.getName()));
    }

    private Deal visible(String id, Authentication user) {
        Deal deal = registry.get(id);
        if (!Viewer.of(user).sees(deal.leads())) {
            throw new NotFoundException("Deal %s bestaat niet.".formatted(id));
        }
        return deal;
    }

    record TermChange(
            @NotNull(message = "Nieuwe einddatum is verplicht.")
            LocalDate endsOn,

            @NotBlank(message = "Reden is verplicht.") @Size(max = 4000, message = "Reden is langer dan 4000 tekens.")
            String reason) {}

    record LeadChange(
            @NotBlank(message = "Dealtrekker is verplicht.") @Size(max = 64)
            String dealLead) {}
}
