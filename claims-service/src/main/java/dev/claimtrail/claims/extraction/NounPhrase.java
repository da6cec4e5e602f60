package dev.claimtrail.claims.extraction;

import edu.stanford.nlp.ling.IndexedWord;

import java.util.List;

/**
 * A noun phrase of a parsed sentence: its head and its tokens in text order (relative clauses,
 * participial modifiers and edge punctuation left out), with the character span they cover.
 */
record NounPhrase(NlpPipeline.Sentence sentence, IndexedWord head, List<IndexedWord> tokens, int start, int end) {

    String text(String article) {
        return article.substring(start, end);
    }

    @Override
    public String toString() {
        return "NP[" + head.word() + " " + start + "-" + end + "]";
    }
}
