package dev.claimtrail.claims.extraction;

import edu.stanford.nlp.ling.IndexedWord;

import java.util.ArrayList;
import java.util.List;

/**
 * One attribution relation as read off a sentence's parse, before its source is resolved
 * against the rest of the article.
 */
final class Attribution {

    /** How the source was given. */
    enum SourceForm { PHRASE, CONTEXT, NOUN_ITSELF }

    final NlpPipeline.Sentence sentence;
    final IndexedWord cueNode;
    final String cueText;
    final String cueLemma;
    final int cueStart;
    final int cueEnd;
    String stance;
    final SourceForm sourceForm;
    /** The source phrase; null for "reportedly" (CONTEXT) and source-less noun cues (NOUN_ITSELF). */
    final NounPhrase source;
    int contentStart;
    int contentEnd;
    /** Who relayed this source's words inside the sentence ("cited by Serenko as saying"). */
    NounPhrase relayer;
    /** Intermediaries named for this occasion ("in an interview with TASS", "cited by an article"). */
    final List<NounPhrase> inlineVia = new ArrayList<>();
    /** For "…, a claim X denied": the gloss noun whose claim this attribution is about. */
    IndexedWord referredClaim;
    /** For NOUN_ITSELF: the cue noun phrase used as the unnamed source's description ("Reports"). */
    NounPhrase nounPhrase;

    Attribution(NlpPipeline.Sentence sentence, IndexedWord cueNode, String cueText, String cueLemma, int cueStart, int cueEnd,
                String stance, SourceForm sourceForm, NounPhrase source, int contentStart, int contentEnd) {
        this.sentence = sentence;
        this.cueNode = cueNode;
        this.cueText = cueText;
        this.cueLemma = cueLemma;
        this.cueStart = cueStart;
        this.cueEnd = cueEnd;
        this.stance = stance;
        this.sourceForm = sourceForm;
        this.source = source;
        this.contentStart = contentStart;
        this.contentEnd = contentEnd;
    }

    @Override
    public String toString() {
        return "Attribution[" + cueText + " src=" + source + " content=" + contentStart + "-" + contentEnd + "]";
    }
}
