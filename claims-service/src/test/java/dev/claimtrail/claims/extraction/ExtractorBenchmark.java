package dev.claimtrail.claims.extraction;

import dev.claimtrail.events.ArticleSnapshot;
import dev.claimtrail.events.Ids;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;

/**
 * Throughput of the extractor on a generated corpus of news-like articles (about 600 words each,
 * deterministic seed), single-threaded so the figures are per core, side by side with CoreNLP's own
 * quote attribution pipeline ({@code tokenize,ssplit,pos,lemma,ner,depparse,coref,quote}) on the
 * same articles. Throughput is measured on the benchmark thread's CPU time, so that other load on the
 * machine does not distort the per-core figure (GC threads are not counted). Not a test: run it with
 * the command in BENCHMARKS.md.
 *
 * <p>Arguments: {@code [articles=240] [quotePipelineArticles=20]}.
 */
public final class ExtractorBenchmark {

    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 240;
        int quoteN = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        List<String> corpus = corpus(n, 42L);
        long words = corpus.stream().mapToLong(ExtractorBenchmark::words).sum();
        System.out.printf("corpus: %d articles, %d words (%.0f words/article)%n", n, words, (double) words / n);

        long t0 = System.nanoTime();
        CoreNlpClaimExtractor extractor = new CoreNlpClaimExtractor();
        System.out.printf("extractor load: %.1f s%n", (System.nanoTime() - t0) / 1e9);
        for (int i = 0; i < Math.min(30, n); i++) {
            extractor.extract(snapshot(corpus.get(i), i)); // JIT warm-up
        }
        int claims = 0;
        long start = System.nanoTime();
        long cpuStart = CPU.getCurrentThreadCpuTime();
        for (int i = 0; i < n; i++) {
            claims += extractor.extract(snapshot(corpus.get(i), i)).size();
        }
        double wall = (System.nanoTime() - start) / 1e9;
        double seconds = (CPU.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        double extractorArticles = n / seconds;
        System.out.printf("extractor: %.2f articles/s per core (thread CPU time; %.2f by wall clock), %.0f words/s, %d claims (%.1f per article)%n",
                extractorArticles, n / wall, words / seconds, claims, (double) claims / n);
        long usedMb = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;
        System.out.printf("heap in use after extractor run: %d MB (max %d MB)%n", usedMb, Runtime.getRuntime().maxMemory() >> 20);

        extractor = null; // the quote pipeline gets the same heap
        System.gc();

        Properties p = new Properties();
        p.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner,depparse,coref,quote");
        p.setProperty("ner.model", NlpPipeline.NER_MODEL);
        p.setProperty("ner.applyFineGrained", "false");
        p.setProperty("ner.useSUTime", "false");
        p.setProperty("tokenize.encoding", "UTF-8");
        t0 = System.nanoTime();
        StanfordCoreNLP quotePipeline = new StanfordCoreNLP(p);
        System.out.printf("quote pipeline load: %.1f s%n", (System.nanoTime() - t0) / 1e9);
        quotePipeline.annotate(new Annotation(corpus.get(0))); // warm-up
        long quoteWords = 0;
        start = System.nanoTime();
        cpuStart = CPU.getCurrentThreadCpuTime();
        for (int i = 0; i < quoteN; i++) {
            quotePipeline.annotate(new Annotation(corpus.get(i)));
            quoteWords += words(corpus.get(i));
        }
        wall = (System.nanoTime() - start) / 1e9;
        seconds = (CPU.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        double quoteArticles = quoteN / seconds;
        System.out.printf("quote pipeline: %.3f articles/s per core (thread CPU time; %.3f by wall clock), %.0f words/s (first %d articles)%n",
                quoteArticles, quoteN / wall, quoteWords / seconds, quoteN);
        System.out.println();
        System.out.println("| pipeline | articles | articles/s per core | words/s per core |");
        System.out.println("|---|---|---|---|");
        System.out.printf("| Claimtrail extractor (lean CoreNLP, selective parsing) | %d | %.2f | %.0f |%n", n, extractorArticles,
                words / ((double) n / extractorArticles));
        System.out.printf("| CoreNLP tokenize,ssplit,pos,lemma,ner,depparse,coref,quote | %d | %.3f | %.0f |%n", quoteN,
                quoteArticles, quoteWords / ((double) quoteN / quoteArticles));
        System.out.printf("| speed-up | | %.1f× | |%n", extractorArticles / quoteArticles);
    }

    private static ArticleSnapshot snapshot(String text, int i) {
        return new ArticleSnapshot(Ids.articleId("bench:" + i), 1, "bench-" + i, null, null, "Bench", "2024-06-12", "en",
                text, Ids.sha256Hex(text));
    }

    static long words(String text) {
        return text.split("\\s+").length;
    }

    // ------------------------------------------------------------------ corpus generator

    private static final String[] FIRST = {"Maria", "Ahmed", "Elena", "Kofi", "Li", "Pavel", "Sofia", "Rahul", "Grace",
            "Tomasz", "Aiko", "Diego", "Fatima", "Johan", "Nadia", "Oleksandr", "Chen", "Amara", "Lucas", "Zainab"};
    private static final String[] LAST = {"Novak", "Haddad", "Moreau", "Mensah", "Wei", "Sokolov", "Rossi", "Sharma",
            "Okafor", "Kowalski", "Tanaka", "Ortega", "Rahimi", "Lindqvist", "Petrova", "Bondarenko", "Zhou", "Diallo",
            "Almeida", "Yusuf"};
    private static final String[] ROLES = {"foreign minister", "defence minister", "central bank governor",
            "health minister", "army spokesman", "police chief", "opposition leader", "finance minister",
            "trade union leader", "regional governor", "energy minister", "chief executive"};
    private static final String[] ORGS = {"the World Health Organization", "the International Monetary Fund",
            "the European Commission", "the African Union", "Amnesty International", "the United Nations",
            "the Red Cross", "the World Bank", "NATO", "the Interior Ministry", "the electoral commission"};
    private static final String[] AGENCIES = {"Reuters", "AFP", "the Associated Press", "TASS", "Xinhua", "Anadolu"};
    private static final String[] PLACES = {"Kenya", "Peru", "Poland", "Vietnam", "Morocco", "Chile", "Ukraine",
            "Indonesia", "Ghana", "Norway", "Bolivia", "Kazakhstan", "the Sahel", "Central Asia", "the Balkans"};
    private static final String[] TOPICS = {"inflation", "the drought", "the border dispute", "the election",
            "the fuel shortage", "the outbreak", "the peace talks", "the budget", "the strike", "refugee arrivals",
            "the floods", "the mining licences", "the power cuts", "the trade deal"};
    private static final String[] PREDICATES = {"would ease before the end of the year", "had worsened in recent weeks",
            "posed a serious threat to stability", "was under control", "could last for several months",
            "had been exaggerated by critics", "required urgent international support", "was the result of poor planning",
            "would be resolved through negotiations", "had cost the economy billions of dollars"};
    private static final String[] UNNAMED = {"officials", "analysts", "diplomats", "witnesses", "local residents",
            "aid workers", "security sources", "two people familiar with the matter", "economists"};
    private static final String[] NARRATIVE = {
            "The capital was quiet on %s morning as shops reopened after a week of closures.",
            "Traffic on the main highway to %s was diverted for several hours while repairs continued.",
            "The government has struggled for months with %s, which has dominated the headlines.",
            "Prices of bread and fuel rose again last month, adding to pressure on households across %s.",
            "Thousands of people gathered in the central square, carrying banners and flags.",
            "The parliament is expected to vote on the measure next week after a lengthy debate.",
            "Several schools in the northern districts remained closed because of %s.",
            "The region has a long history of disputes over land, water and grazing rights.",
            "Construction of the new port began in 2019 and was originally due to finish last year.",
            "Most of the country's exports go to neighbouring markets, mainly by road and rail.",
            "Farmers in the south have complained for years about the lack of irrigation.",
            "The talks in %s are the third round this year and follow a ceasefire agreed in the spring."};

    static List<String> corpus(int n, long seed) {
        Random r = new Random(seed);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(article(r));
        }
        return out;
    }

    private static String pick(Random r, String[] a) {
        return a[r.nextInt(a.length)];
    }

    private static String article(Random r) {
        StringBuilder sb = new StringBuilder();
        String place = pick(r, PLACES);
        String topic = pick(r, TOPICS);
        sb.append(cap(topic)).append(" dominates talks in ").append(place).append("\n\n");
        List<String[]> people = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            people.add(new String[]{pick(r, FIRST) + " " + pick(r, LAST), pick(r, ROLES)});
        }
        int words = 0;
        int paragraph = 0;
        while (words < 600) {
            StringBuilder para = new StringBuilder();
            int sentences = 2 + r.nextInt(3);
            for (int s = 0; s < sentences; s++) {
                String sentence = r.nextInt(100) < 45 ? attribution(r, people, place, topic) : narrative(r, place, topic);
                para.append(sentence).append(' ');
            }
            String text = para.toString().trim();
            sb.append(text).append("\n\n");
            words += words(text);
            paragraph++;
        }
        return sb.toString().trim();
    }

    private static String narrative(Random r, String place, String topic) {
        String template = pick(r, NARRATIVE);
        String arg = template.contains("morning") ? pick(r, new String[]{"Monday", "Tuesday", "Friday"})
                : template.contains("because of") || template.contains("struggled") ? topic : place;
        return String.format(template, arg);
    }

    private static String attribution(Random r, List<String[]> people, String place, String topic) {
        String[] p = people.get(r.nextInt(people.size()));
        String name = p[0];
        String surname = name.substring(name.indexOf(' ') + 1);
        String role = p[1];
        String pred = pick(r, PREDICATES);
        String day = pick(r, new String[]{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"});
        switch (r.nextInt(10)) {
            case 0:
                return String.format("%s %s, %s, said on %s that %s %s.", cap(place) + "'s", role, name, day, topic, pred);
            case 1:
                return String.format("“We will not accept any delay on %s. Our position is clear,” %s told reporters.", topic, surname);
            case 2:
                return String.format("According to %s, %s %s.", pick(r, ORGS), topic, pred);
            case 3:
                return String.format("%s warned that %s %s, adding that %s.", surname, topic, pred, pick(r, PREDICATES).replace("would", "it would"));
            case 4:
                return String.format("%s said %s %s.", cap(pick(r, UNNAMED)), topic, pred);
            case 5:
                return String.format("In an interview with %s, the %s said that %s %s.", pick(r, AGENCIES), role, topic, pred);
            case 6:
                return String.format("The %s, however, denied that the government had ignored %s.", role, topic);
            case 7:
                return String.format("“The situation %s,” said %s, the %s.", pred, name, role);
            case 8:
                return String.format("A report by %s found that %s %s.", pick(r, ORGS), topic, pred);
            default:
                return String.format("%s %s, citing a senior official.", cap(pick(r, AGENCIES)) + " reported that " + topic, pred);
        }
    }

    private static String cap(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
