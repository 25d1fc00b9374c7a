package io.github.foundryagents.core.usage;

import io.github.foundryagents.core.FoundryException;
import java.time.Instant;

/**
 * A user's monthly token budget is spent: the call was refused before anything was sent to Azure. Not retryable
 * until {@link #resetsAt()}.
 */
public class UsageLimitExceededException extends FoundryException {

    private static final long serialVersionUID = 1L;

    /** The {@link #errorCode()} of this exception: {@value}. */
    public static final String ERROR_CODE = "usage_limit_exceeded";

    /** The user refused. */
    private final String userId;
    /** Tokens used this month. */
    private final long used;
    /** Tokens allowed per month. */
    private final long limit;
    private final transient Instant resetsAt;

    /**
     * @param userId the user refused
     * @param used tokens the user has used this month
     * @param limit tokens the user may use per month
     * @param resetsAt when the next month starts
     */
    public UsageLimitExceededException(String userId, long used, long limit, Instant resetsAt) {
        super("User '" + userId + "' has used " + used + " of the " + limit + " tokens allowed per month; the"
                + " limit resets at " + resetsAt + ". Nothing was sent to Azure. Raise the user's limit"
                + " (UsageOptions.monthlyTokenLimit) or wait for the reset.", null, 0, ERROR_CODE, false, null);
        this.userId = userId;
        this.used = used;
        this.limit = limit;
        this.resetsAt = resetsAt;
    }

    /** @return the user refused */
    public String userId() {
        return userId;
    }

    /** @return tokens used this month */
    public long used() {
        return used;
    }

    /** @return tokens allowed per month */
    public long limit() {
        return limit;
    }

    /** @return when the next month starts and the budget is renewed */
    public Instant resetsAt() {
        return resetsAt;
    }
}
