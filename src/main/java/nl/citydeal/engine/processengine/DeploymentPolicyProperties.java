package nl.citydeal.engine.processengine;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Whether the {@link DeploymentPolicy} holds (on by default): an administrator who needs a model with scripts, Java
 * classes or free expressions switches it off on purpose with {@code citydeal.deployment-policy.enabled=false}.
 */
@ConfigurationProperties("citydeal.deployment-policy")
public record DeploymentPolicyProperties(
        @DefaultValue("true") boolean enabled) {}
