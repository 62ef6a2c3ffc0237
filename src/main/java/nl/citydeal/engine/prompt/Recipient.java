package nl.citydeal.engine.prompt;

/** Someone who receives prompts by mail: a user (or, with a null user id, a shared mailbox) and an address. */
public record Recipient(String userId, String name, String email) {

    public boolean hasEmail() {
        return email != null && !email.isBlank();
    }

    /** How the person is greeted and listed: their name, else their user id, else the address. */
    public String displayName() {
        if (name != null && !name.isBlank()) {
            return name;
        }
        return userId != null ? userId : email;
    }
}
