package warden.deadletters;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The side effects parked as dead letters, for operators (admin token of every guild): what failed, for whom, why,
 * since when; a sequence retried at once or dropped.
 */
@RestController
@RequestMapping("/api/v1/admin/dead-letters")
class DeadLetterController {

    private final DeadLetterStore letters;

    DeadLetterController(DeadLetterStore letters) {
        this.letters = letters;
    }

    @GetMapping
    List<DeadLetterStore.Letter> list() {
        return letters.list();
    }

    @PostMapping("/{processor}/{sequence}/retry")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void retry(@PathVariable String processor, @PathVariable String sequence) {
        letters.retry(processor, sequence);
    }

    @DeleteMapping("/{processor}/{sequence}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void drop(@PathVariable String processor, @PathVariable String sequence) {
        letters.drop(processor, sequence);
    }
}
