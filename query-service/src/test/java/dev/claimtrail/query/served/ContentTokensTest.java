package dev.claimtrail.query.served;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContentTokensTest {

    @Test
    void figuresLoseTheirSeparatorsAndFunctionWordsGo() {
        assertEquals(Set.of("iskp", "amass", "6500", "member"),
                ContentTokens.of("ISKP had amassed up to 6,500 members"));
        assertEquals(Set.of("tajikistan", "southern", "border"), ContentTokens.of("Tajikistan’s southern borders"));
    }

    @Test
    void overlapIsMeasuredOnTheShorterText() {
        Set<String> fragment = ContentTokens.of("the presence of terrorist groups in Afghanistan");
        Set<String> longer = ContentTokens.of("it denied the presence of terrorist groups in Afghanistan and Pakistan");
        assertEquals(1.0, ContentTokens.overlap(fragment, longer));
        assertTrue(ContentTokens.overlap(fragment, ContentTokens.of("foreign militants were present")) < 0.3);
    }
}
