package nl.transfertafel.capacity.announcement.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import nl.transfertafel.capacity.announcement.domain.CorrectCapacity;

@Schema(description = "A correction: fields left out stay as they are. A correction also confirms the line.")
public record CorrectionBody(
        @Min(1) @Max(10000) Integer places,
        LocalDate availableFrom,
        LocalDate availableUntil,
        @Schema(description = "The version you read; when given and the line changed since, the answer is 409 version-conflict.")
        Long version) {

    CorrectCapacity toCommand() {
        return new CorrectCapacity(places, availableFrom, availableUntil, version);
    }
}
