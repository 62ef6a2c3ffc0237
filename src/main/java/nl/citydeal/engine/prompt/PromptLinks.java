package nl.citydeal.engine.prompt;

import org.springframework.stereotype.Component;

import nl.citydeal.engine.system.SiteProperties;

/** Links into the application for mails and calendar events: a task in Tasklist, or Tasklist itself. */
@Component
public class PromptLinks {

    private final String baseUrl;

    public PromptLinks(SiteProperties site) {
        this.baseUrl = site.baseUrl();
    }

    public String task(String taskId) {
        return tasklist() + "#/?task=" + taskId;
    }

    public String tasklist() {
        return baseUrl + "/camunda/app/tasklist/default/";
    }

    /** The deal's page in the app. */
    public String deal(String dealId) {
        return baseUrl + "/deals/" + dealId;
    }

    /** Mijn instellingen, where each user chooses their mails. */
    public String settings() {
        return baseUrl + "/instellingen";
    }

    public String outbox() {
        return baseUrl + "/admin/outbox";
    }

    /** The administrators' page of failed jobs and mails, with their causes and a retry button. */
    public String incidents() {
        return baseUrl + "/admin/incidents";
    }
}
