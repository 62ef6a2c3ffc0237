package nl.citydeal.engine.identity;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.identity.PasswordPolicyRule;

/** The rules of Camunda's password policy a password breaks, in Dutch, as one sentence. */
final class PasswordPolicyMessages {

    private PasswordPolicyMessages() {}

    static String of(List<PasswordPolicyRule> violated) {
        return violated.stream()
                .map(PasswordPolicyMessages::rule)
                .collect(Collectors.joining("; ", "Het wachtwoord voldoet niet aan het wachtwoordbeleid: ", "."));
    }

    private static String rule(PasswordPolicyRule rule) {
        Map<String, String> parameters = rule.getParameters() == null ? Map.of() : rule.getParameters();
        return switch (rule.getPlaceholder()) {
            case "PASSWORD_POLICY_LENGTH" -> "minstens %s tekens".formatted(parameters.getOrDefault("minLength", "10"));
            case "PASSWORD_POLICY_LOWERCASE" ->
                "minstens %s kleine letter(s)".formatted(parameters.getOrDefault("minLowerCase", "1"));
            case "PASSWORD_POLICY_UPPERCASE" ->
                "minstens %s hoofdletter(s)".formatted(parameters.getOrDefault("minUpperCase", "1"));
            case "PASSWORD_POLICY_DIGIT" -> "minstens %s cijfer(s)".formatted(parameters.getOrDefault("minDigit", "1"));
            case "PASSWORD_POLICY_SPECIAL" ->
                "minstens %s leesteken(s) of symbool/symbolen".formatted(parameters.getOrDefault("minSpecial", "1"));
            case "PASSWORD_POLICY_USER_DATA" ->
                "niet de gebruikersnaam, voornaam, achternaam of het e-mailadres bevatten";
            default -> rule.getPlaceholder();
        };
    }
}
