package io.github.foundryagents.spring.web;

import io.github.foundryagents.core.tasks.AgentTaskService;
import io.github.foundryagents.core.tasks.Tier;
import io.github.foundryagents.core.usage.UsageMeter;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code POST /tasks} queues an agent task for the authenticated user; {@code GET /tasks/{id}} returns it to its
 * owner only. Errors are {@code application/problem+json} ({@link TaskProblems}). Nothing is stored or queued for a
 * refused request: validation and the quota check come first.
 */
@RestController
@RequestMapping(TasksController.PATH)
public class TasksController {

    /** The API's base path. */
    public static final String PATH = "/tasks";

    private final AgentTaskService tasks;
    private final TaskRequestReader reader;
    private final TaskUsers users;
    private final TierResolver tiers;
    private final UsageMeter usage;
    private final String agent;

    TasksController(AgentTaskService tasks, TaskRequestReader reader, TaskUsers users, TierResolver tiers,
            UsageMeter usage, String agent) {
        this.tasks = tasks;
        this.reader = reader;
        this.users = users;
        this.tiers = tiers;
        this.usage = usage;
        this.agent = agent;
    }

    /**
     * @param body the JSON body {@code {prompt, context?, webhookUrl?}}
     * @param request the request (user, roles, content type)
     * @return 202 with {@code {"taskId", "status": "queued"}} and a {@code Location} header
     */
    @PostMapping
    public ResponseEntity<Map<String, String>> submit(@RequestBody(required = false) byte[] body,
            HttpServletRequest request) {
        String user = users.userOf(request).orElseThrow(UnauthenticatedException::new);
        requireJson(request);
        TaskSubmission submission = reader.read(body);
        usage.checkMonthlyLimit(user);
        Tier tier = tiers.tierOf(user, request);
        String id = tasks.submit(user, tier, agent, submission.prompt(), submission.context(),
                submission.webhookUrl());
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(id).toUri();
        Map<String, String> accepted = new LinkedHashMap<>();
        accepted.put("taskId", id);
        accepted.put("status", "queued");
        return ResponseEntity.accepted().location(location).contentType(MediaType.APPLICATION_JSON).body(accepted);
    }

    /**
     * @param id the task id
     * @param request the request (user)
     * @return the task, when it belongs to the caller
     */
    @GetMapping("/{id}")
    public ResponseEntity<TaskView> get(@PathVariable("id") String id, HttpServletRequest request) {
        String user = users.userOf(request).orElseThrow(UnauthenticatedException::new);
        return tasks.get(user, id).map(TaskView::of).map(view -> ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON).body(view))
                .orElseThrow(() -> new TaskNotFoundException(id));
    }

    private static void requireJson(HttpServletRequest request) {
        String type = request.getContentType();
        boolean json;
        try {
            json = type != null && MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(type));
        } catch (InvalidMediaTypeException e) {
            json = false;
        }
        if (!json) {
            throw new UnsupportedBodyException(type);
        }
    }
}
