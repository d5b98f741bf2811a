package nl.transfertafel.transfertable.matching.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The offline postcode-area distances agree with known straight-line distances within the documented precision. */
class PostcodeAreasTest {

    @Test
    void known_distances_between_cities_are_within_twenty_km() {
        assertThat(PostcodeAreas.distanceKm("3011", "1011")).as("Rotterdam - Amsterdam ~57 km").isBetween(45, 70);
        assertThat(PostcodeAreas.distanceKm("3011", "3511")).as("Rotterdam - Utrecht ~47 km").isBetween(35, 60);
        assertThat(PostcodeAreas.distanceKm("9711", "6211")).as("Groningen - Maastricht ~260 km").isBetween(240, 280);
        assertThat(PostcodeAreas.distanceKm("7311", "7201")).as("Apeldoorn - Zutphen ~20 km").isBetween(10, 30);
    }

    @Test
    void nearby_areas_are_near_and_the_same_area_is_one_km() {
        assertThat(PostcodeAreas.distanceKm("3011", "3011")).isEqualTo(1);
        assertThat(PostcodeAreas.distanceKm("3011", "3012")).isEqualTo(3);
        assertThat(PostcodeAreas.distanceKm("3011", "3089")).isBetween(3, 15);
        assertThat(PostcodeAreas.distanceKm("3011", "3111")).as("Rotterdam - Schiedam, neighbouring districts").isBetween(7, 15);
    }

    @Test
    void distance_is_symmetric() {
        String[] areas = {"1011", "3011", "3512", "6211", "9711", "4331", "7511"};
        for (String a : areas) {
            for (String b : areas) {
                assertThat(PostcodeAreas.distanceKm(a, b)).isEqualTo(PostcodeAreas.distanceKm(b, a));
            }
        }
    }

    @Test
    void only_four_digit_areas_are_accepted() {
        assertThat(PostcodeAreas.isArea("3011")).isTrue();
        assertThat(PostcodeAreas.isArea("0123")).isFalse();
        assertThatThrownBy(() -> PostcodeAreas.distanceKm("301", "3011")).isInstanceOf(IllegalArgumentException.class);
    }
}
