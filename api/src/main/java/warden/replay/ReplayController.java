package warden.replay;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Operators rebuild every read model and watch the progress (admin token scoped to every guild). */
@RestController
@RequestMapping("/api/v1/admin/replay")
class ReplayController {

    private final ReplayService replay;

    ReplayController(ReplayService replay) {
        this.replay = replay;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    ReplayStatus start() {
        return replay.start();
    }

    @GetMapping
    ReplayStatus status() {
        return replay.status();
    }
}
