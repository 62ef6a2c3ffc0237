package nl.citydeal.engine.prompt.notify;

/** The subject and plain-text body of one mail. */
public record MailText(String subject, String body) {}
