package io.github.foundryagents.core;

/**
 * Azure has no deployment with the requested name (HTTP 404, code {@code DeploymentNotFound}).
 *
 * <p>Almost always a model name used where a deployment name belongs: Azure routes by the name given to the
 * deployment (Terraform's {@code azurerm_cognitive_deployment.name}), which may differ from the model's name.
 */
public class DeploymentNotFoundException extends NotFoundException {

    private static final long serialVersionUID = 1L;

    /** The deployment name that Azure did not find. */
    private final String deployment;

    /**
     * @param message what went wrong and how to fix it
     * @param error what Azure answered
     * @param deployment the deployment name that was requested
     */
    public DeploymentNotFoundException(String message, ServiceError error, String deployment) {
        super(message, error);
        this.deployment = deployment;
    }

    /** @return the deployment name that Azure did not find */
    public String deployment() {
        return deployment;
    }
}
