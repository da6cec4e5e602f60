package dev.claimtrail.claims.extraction;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations;
import edu.stanford.nlp.util.CoreMap;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;

/**
 * CoreNLP in two stages. The whole text is only tokenised and split into sentences (cheap); the
 * tagger, NER and dependency parser — nearly all of the cost — run only on the sentences that
 * can hold an attribution. Both pipelines are thread-safe for concurrent {@code annotate} calls.
 */
public final class NlpPipeline {

    /** Longer "sentences" are lists or run-together page text; parsing them costs much and yields little. */
    static final int MAX_PARSED_TOKENS = 250;
    static final String NER_MODEL = "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz";

    private final StanfordCoreNLP splitter;
    private final StanfordCoreNLP analyser;

    public NlpPipeline() {
        Properties split = base();
        split.setProperty("annotators", "tokenize,ssplit");
        // Newlines separate paragraphs (and headlines, captions) in the stored text: never join across them.
        split.setProperty("ssplit.newlineIsSentenceBreak", "always");
        this.splitter = new StanfordCoreNLP(split);

        Properties analyse = base();
        analyse.setProperty("annotators", "pos,lemma,ner,depparse");
        analyse.setProperty("enforceRequirements", "false");
        analyse.setProperty("ner.model", NER_MODEL);
        analyse.setProperty("ner.applyFineGrained", "false");
        analyse.setProperty("ner.useSUTime", "false");
        analyse.setProperty("ner.applyNumericClassifiers", "false");
        analyse.setProperty("ner.buildEntityMentions", "false");
        this.analyser = new StanfordCoreNLP(analyse);
    }

    private static Properties base() {
        Properties p = new Properties();
        p.setProperty("tokenize.encoding", "UTF-8");
        p.setProperty("inputEncoding", "UTF-8");
        p.setProperty("outputEncoding", "UTF-8");
        return p;
    }

    /** A sentence of the article; {@code graph} is null when the sentence was not worth parsing. */
    public static final class Sentence {
        final int index;
        final List<CoreLabel> tokens;
        final CoreMap map;
        SemanticGraph graph;

        Sentence(int index, CoreMap map) {
            this.index = index;
            this.map = map;
            this.tokens = map.get(CoreAnnotations.TokensAnnotation.class);
        }

        public int index() {
            return index;
        }

        public List<CoreLabel> tokens() {
            return tokens;
        }

        public SemanticGraph graph() {
            return graph;
        }

        public boolean parsed() {
            return graph != null;
        }

        public int begin() {
            return tokens.get(0).beginPosition();
        }

        public int end() {
            return tokens.get(tokens.size() - 1).endPosition();
        }
    }

    /** Splits the text and fully analyses the sentences that {@code worthParsing} accepts. */
    public List<Sentence> analyse(String text, Predicate<Sentence> worthParsing) {
        Annotation doc = new Annotation(text);
        splitter.annotate(doc);
        List<CoreMap> maps = doc.get(CoreAnnotations.SentencesAnnotation.class);
        List<Sentence> sentences = new ArrayList<>(maps.size());
        List<Sentence> chosen = new ArrayList<>();
        for (int i = 0; i < maps.size(); i++) {
            Sentence s = new Sentence(i, maps.get(i));
            if (s.tokens.isEmpty()) {
                continue;
            }
            sentences.add(s);
            if (s.tokens.size() <= MAX_PARSED_TOKENS && worthParsing.test(s)) {
                chosen.add(s);
            }
        }
        if (!chosen.isEmpty()) {
            Annotation sub = new Annotation(text);
            List<CoreMap> subSentences = new ArrayList<>(chosen.size());
            List<CoreLabel> subTokens = new ArrayList<>();
            for (Sentence s : chosen) {
                subSentences.add(s.map);
                subTokens.addAll(s.tokens);
            }
            sub.set(CoreAnnotations.SentencesAnnotation.class, subSentences);
            sub.set(CoreAnnotations.TokensAnnotation.class, subTokens);
            analyser.annotate(sub);
            for (Sentence s : chosen) {
                s.graph = s.map.get(SemanticGraphCoreAnnotations.BasicDependenciesAnnotation.class);
            }
        }
        return sentences;
    }
}
