package dev.claimtrail.query.bench;

import dev.claimtrail.events.ArticleIngested;
import dev.claimtrail.events.ArticleProcessed;
import dev.claimtrail.events.ArticleSnapshot;
import dev.claimtrail.events.Claim;
import dev.claimtrail.events.ClaimRecorded;
import dev.claimtrail.events.Ids;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A deterministic stream of news articles and the claims an extractor would record in them, shaped
 * like a real news feed rather than uniform noise, so that the read model's indexes and the planner's
 * statistics see realistic skew:
 * <ul>
 *   <li>about 2,000 sources (people with roles and organisations, organisations, documents, groups, and
 *       unnamed sources) and 150 outlets, each picked with Zipf-like weights: a few speak or publish
 *       most of the time, most rarely;</li>
 *   <li>about 300 subjects (armed groups, parties, bodies) with a handful very frequent;</li>
 *   <li>claim content drawn from a Zipf-weighted vocabulary of real news words plus a long tail of rare
 *       words, so a full-text query can hit 10% of the claims or a few dozen;</li>
 *   <li>figures on about a third of the statements, dates over three years (most claims dated by the
 *       text, the rest by publication), some denials, places;</li>
 *   <li>a statement is reported by one to ten outlets, each in its own words (a paraphrase that keeps
 *       most of the words and the figure), on the day or shortly after: the stories the views should find.</li>
 * </ul>
 * One extractor version: every article is processed once. Articles come out in publication order, as a
 * feed would push them.
 */
public final class SyntheticNews {

    public static final String EXTRACTOR = "claimtrail-attribution";
    public static final String VERSION = "1.0";
    public static final LocalDate FIRST_DAY = LocalDate.of(2023, 1, 1);
    public static final int DAYS = 3 * 365;

    /** One article with what the logs hold for it: its ingestion, its claims and their ArticleProcessed. */
    public record Article(ArticleIngested ingested, List<ClaimRecorded> claims, ArticleProcessed processed) {
    }

    /** Parameter values that queries are drawn from, as they occur in the corpus (frequent ones more often). */
    public record Vocabulary(List<String> sourceNames, List<String> surnames, List<String> subjectIds,
                             List<String> subjectAliases, List<String> words) {
    }

    private record Source(String name, String type, String role, String organisation, String surname) {
    }

    private record Subject(String id, String alias) {
    }

    private record Statement(Source source, LocalDate day, Claim.ClaimedAt claimedAt, String stance,
                             List<Subject> subjects, List<String> words, Claim.Quantity figure, String place) {
    }

    private record Report(Statement statement, List<String> words, int outlet, LocalDate published) {
    }

    private static final String[] GIVEN = {"Ahmad", "Mohammad", "Abdul", "Zabihullah", "Suhail", "Anatoly", "Andrei",
            "Sergei", "Maria", "Elena", "Olga", "John", "James", "Sarah", "Emily", "David", "Michael", "Laura",
            "Fatima", "Aisha", "Omar", "Hassan", "Ali", "Yusuf", "Ibrahim", "Khalid", "Tariq", "Imran", "Asif",
            "Bilal", "Nadia", "Samira", "Leila", "Hamid", "Rahim", "Karim", "Rustam", "Farhod", "Dilshod", "Timur",
            "Bakhtiyor", "Shavkat", "Emomali", "Sirojiddin", "Jamshid", "Alisher", "Nurlan", "Kassym", "Askar",
            "Dmitry", "Vladimir", "Nikolai", "Pavel", "Igor", "Yuri", "Alexei", "Mikhail", "Ivan", "Peter",
            "Thomas", "Robert", "William", "Richard", "Charles", "Joseph", "Daniel", "Matthew", "Anthony", "Mark",
            "Paul", "Steven", "Andrew", "Kenneth", "George", "Kevin", "Brian", "Edward", "Ronald", "Anna", "Sofia",
            "Ines", "Lucia", "Carmen", "Pierre", "Jean", "Luc", "Claire", "Hans", "Klaus", "Wei", "Li", "Zhang",
            "Ravi", "Priya", "Arjun", "Sanjay", "Mehmet", "Ayse", "Mustafa", "Recep", "Hakan", "Mevlut", "Javad",
            "Hossein", "Abbas", "Nasser", "Saeed", "Walid", "Mahmoud", "Amir", "Lena", "Nora", "Ingrid", "Sven"};

    private static final String[] SURNAMES = {"Mujahid", "Shaheen", "Karimi", "Ahmadzai", "Haqqani", "Stanekzai",
            "Muttaqi", "Baradar", "Sidorov", "Serdyukov", "Grigoryev", "Lavrov", "Shoigu", "Peskov", "Zakharova",
            "Rakhmon", "Mirziyoyev", "Tokayev", "Japarov", "Berdimuhamedov", "Khan", "Sharif", "Bhutto", "Zardari",
            "Qureshi", "Malik", "Butt", "Chaudhry", "Siddiqui", "Rashid", "Hussain", "Abbasi", "Jilani", "Naqvi",
            "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor",
            "Thomas", "Moore", "Martin", "Jackson", "Thompson", "White", "Harris", "Clark", "Lewis", "Robinson",
            "Walker", "Young", "Allen", "King", "Wright", "Scott", "Green", "Baker", "Adams", "Nelson", "Hill",
            "Campbell", "Mitchell", "Roberts", "Carter", "Phillips", "Evans", "Turner", "Torres", "Parker",
            "Collins", "Edwards", "Stewart", "Flores", "Morris", "Nguyen", "Murphy", "Rivera", "Cook", "Rogers",
            "Morgan", "Peterson", "Cooper", "Reed", "Bailey", "Bell", "Gomez", "Kelly", "Howard", "Ward", "Cox",
            "Diaz", "Richardson", "Wood", "Watson", "Brooks", "Bennett", "Gray", "James", "Reyes", "Cruz",
            "Hughes", "Price", "Myers", "Long", "Foster", "Sanders", "Ross", "Morales", "Powell", "Sullivan",
            "Russell", "Ortiz", "Jenkins", "Gutierrez", "Perry", "Butler", "Barnes", "Fisher", "Henderson",
            "Coleman", "Simmons", "Patterson", "Jordan", "Reynolds", "Hamilton", "Graham", "Kim", "Gonzales",
            "Alexander", "Ramos", "Wallace", "Griffin", "West", "Cole", "Hayes", "Chavez", "Gibson", "Bryant",
            "Ellis", "Stevens", "Murray", "Ford", "Marshall", "Owens", "McDonald", "Harrison", "Ruiz", "Kennedy",
            "Wells", "Alvarez", "Woods", "Mendoza", "Castillo", "Olson", "Webb", "Washington", "Tucker", "Freeman",
            "Burns", "Henry", "Vasquez", "Snyder", "Simpson", "Crawford", "Jimenez", "Porter", "Mason", "Shaw",
            "Gordon", "Wagner", "Hunter", "Romero", "Hicks", "Dixon", "Hunt", "Palmer", "Robertson", "Black",
            "Holmes", "Stone", "Meyer", "Boyd", "Mills", "Warren", "Fox", "Rose", "Rice", "Moreno", "Schmidt",
            "Patel", "Ferguson", "Nichols", "Herrera", "Medina", "Ryan", "Fernandez", "Weaver", "Daniels",
            "Stephens", "Gardner", "Payne", "Kelley", "Dunn", "Pierce", "Arnold", "Tran", "Spencer", "Peters",
            "Hawkins", "Grant", "Hansen", "Castro", "Hoffman", "Hart", "Elliott", "Cunningham", "Knight",
            "Bradley", "Yilmaz", "Kaya", "Demir", "Sahin", "Celik", "Yildiz", "Erdogan", "Cavusoglu", "Fidan",
            "Akar", "Rezaei", "Mohammadi", "Hosseini", "Moradi", "Jafari", "Amiri", "Abdollahian", "Kanaani",
            "Popov", "Ivanov", "Smirnov", "Kuznetsov", "Sokolov", "Lebedev", "Kozlov", "Novikov", "Morozov",
            "Petrov", "Volkov", "Solovyov", "Vasilyev", "Zaitsev", "Pavlov", "Semyonov", "Golubev", "Vinogradov",
            "Bogdanov", "Vorobyov", "Fyodorov", "Mikhailov", "Belyaev", "Tarasov", "Belov", "Komarov", "Orlov",
            "Kiselyov", "Makarov", "Andreyev", "Kovalyov", "Ilyin", "Gusev", "Titov", "Kuzmin", "Kudryavtsev",
            "Baranov", "Kulikov", "Alexeyev", "Stepanov", "Yakovlev", "Sorokin", "Sergeyev", "Romanov", "Zakharov",
            "Borisov", "Korolyov", "Gerasimov", "Ponomaryov", "Grigoriev", "Lazarev", "Medvedev", "Yershov",
            "Nikitin", "Sobolev", "Ryabov", "Polyakov", "Tsvetkov", "Danilov", "Zhukov", "Frolov", "Zhuravlyov",
            "Nikolayev", "Krylov", "Maximov", "Sidorenko", "Osipov", "Belousov", "Fedotov", "Dorofeyev", "Egorov",
            "Matveyev", "Bobrov", "Dmitriyev", "Kalinin", "Anisimov", "Petukhov", "Antonov", "Timofeyev", "Nikiforov",
            "Veselov", "Filippov", "Markov", "Bolshakov", "Sukhanov", "Mironov", "Shiryaev", "Aleksandrov",
            "Konovalov", "Shestakov", "Kazakov", "Efimov", "Denisov", "Gromov", "Fomin", "Davydov", "Melnikov",
            "Shcherbakov", "Blinov", "Kolesnikov", "Karpov", "Afanasyev", "Vlasov", "Maslov", "Isakov", "Tikhonov",
            "Aksyonov", "Gavrilov", "Rodionov", "Kotov", "Gorbunov", "Kudryashov", "Bykov", "Zuyev", "Tretyakov",
            "Savelyev", "Panov", "Rybakov", "Suvorov", "Abramov", "Voronov", "Mukhin", "Arkhipov", "Trofimov",
            "Martynov", "Yemelyanov", "Gorshkov", "Chernov", "Ovchinnikov", "Seleznyov", "Panfilov", "Kopylov",
            "Mikheyev", "Galkin", "Nazarov", "Lobanov", "Lukin", "Belyakov", "Potapov", "Nekrasov", "Khokhlov",
            "Zhdanov", "Naumov", "Shilov", "Vorontsov", "Yermakov", "Drozdov", "Ignatyev", "Savin", "Loginov",
            "Safonov", "Kapustin", "Kirillov", "Moiseyev", "Yeliseyev", "Koshelev", "Kostin", "Gorbachyov",
            "Orekhov", "Yefremov", "Isayev", "Yevdokimov", "Kalashnikov", "Kabanov", "Noskov", "Yudin", "Kulagin",
            "Lapin", "Prokhorov", "Nesterov", "Kharitonov", "Agafonov", "Muravyov", "Laptev", "Snegiryov",
            "Rahimi", "Sultani", "Wardak", "Popal", "Barakzai", "Durrani", "Noorzai", "Achakzai", "Mohmand",
            "Afridi", "Yousafzai", "Khattak", "Orakzai", "Wazir", "Mehsud", "Bugti", "Marri", "Mengal", "Baloch"};

    private static final String[] ROLES = {"spokesman", "spokeswoman", "minister", "deputy minister", "commander",
            "governor", "police chief", "analyst", "ambassador", "envoy", "official", "senator", "professor",
            "researcher", "director", "chairman", "secretary-general", "general", "colonel", "mayor"};

    private static final String[] ORG_HEADS = {"Ministry of Defence", "Ministry of Interior", "Foreign Ministry",
            "Ministry of Health", "General Staff", "Border Guard Service", "State Security Committee", "Police",
            "National Security Council", "Parliament", "Supreme Court", "Central Bank", "Election Commission",
            "Red Crescent", "Human Rights Commission", "Army", "Air Force", "Navy", "Coast Guard",
            "Intelligence Service", "Emergency Ministry", "Prosecutor's Office", "Presidential Administration"};

    private static final String[] COUNTRIES = {"Afghanistan", "Pakistan", "Tajikistan", "Uzbekistan", "Kazakhstan",
            "Kyrgyzstan", "Turkmenistan", "Iran", "Russia", "China", "India", "Turkey", "Iraq", "Syria"};

    private static final String[] INTERNATIONAL = {"United Nations", "UNAMA", "CSTO", "SCO", "NATO", "European Union",
            "World Bank", "IMF", "ICRC", "Amnesty International", "Human Rights Watch", "UNHCR", "WHO", "UNICEF",
            "World Food Programme", "OSCE", "International Crisis Group", "Crisis Group", "ACLED", "SIPRI"};

    private static final String[] DOCUMENTS = {"report", "assessment", "statement", "bulletin", "communique",
            "white paper", "annual review", "monitoring report", "briefing note", "press release"};

    private static final String[] GROUP_ADJ = {"Northern", "Southern", "Eastern", "Western", "Popular", "National",
            "Islamic", "Democratic", "Revolutionary", "United", "Free", "Patriotic", "People's", "Liberation",
            "Resistance", "Independent", "Central", "Frontier", "Mountain", "Valley"};

    private static final String[] GROUP_NOUN = {"Front", "Movement", "Army", "Council", "Brigade", "Alliance",
            "Party", "Union", "Coalition", "Battalion", "League", "Congress", "Committee", "Jamaat", "Tehreek"};

    private static final String[] CORE_GROUPS = {"ISKP|Islamic State Khorasan Province", "TTP|Tehrik-i-Taliban Pakistan",
            "Taliban|the Taliban", "TTT|Tehrik-e-Taliban Tajikistan", "IMU|Islamic Movement of Uzbekistan",
            "ETIM|East Turkestan Islamic Movement", "al-Qaeda|al-Qaeda", "Jamaat Ansarullah|Jamaat Ansarullah",
            "NRF|National Resistance Front", "BLA|Balochistan Liberation Army", "Lashkar-e-Taiba|Lashkar-e-Taiba",
            "Haqqani network|the Haqqani network", "Wagner|Wagner Group", "Hezbollah|Hezbollah", "Hamas|Hamas"};

    private static final String[] PLACES = {"Kabul", "Kandahar", "Herat", "Mazar-i-Sharif", "Jalalabad", "Kunduz",
            "Badakhshan", "Panjshir", "Nangarhar", "Helmand", "Khost", "Paktika", "Peshawar", "Quetta", "Islamabad",
            "Karachi", "Lahore", "Waziristan", "Bajaur", "Dushanbe", "Khorog", "Tashkent", "Termez", "Almaty",
            "Bishkek", "Osh", "Ashgabat", "Moscow", "Beijing", "Tehran", "Mashhad", "Zahedan", "Istanbul", "Ankara",
            "Baghdad", "Mosul", "Idlib", "Aleppo", "Damascus", "Geneva", "New York", "Brussels", "Doha", "Dubai"};

    /** Frequent news words; a generated long tail follows them in the Zipf ranking. */
    private static final String[] NEWS_WORDS = ("security forces attack killed wounded fighters militants border "
            + "government talks ceasefire agreement troops police soldiers civilians operation province district "
            + "village city region country officials leaders commanders group members weapons drones missiles "
            + "explosion bomb suicide checkpoint convoy ambush raid clashes fighting offensive withdrawal camp "
            + "refugees aid humanitarian food shortages water electricity prices inflation economy budget sanctions "
            + "trade exports imports oil gas pipeline railway road bridge construction investment loan debt bank "
            + "currency election vote parliament president minister cabinet decree law court trial sentence prison "
            + "arrest detained released hostage kidnapping negotiations mediation delegation visit summit meeting "
            + "cooperation partnership alliance treaty recognition embassy diplomats envoy statement warning threat "
            + "risk crisis collapse recovery growth unemployment poverty education schools girls women rights "
            + "protest demonstration crackdown censorship journalists media internet ban restrictions curfew "
            + "earthquake flood drought harvest wheat famine disease vaccine hospital doctors health cholera "
            + "smuggling drugs opium heroin trafficking corruption investigation audit fraud bribery recruitment "
            + "training infiltration cross-border incursion shelling airstrike artillery tanks helicopter airport "
            + "highway tunnel dam river mountains valley desert winter spring summer autumn month week year "
            + "decade increase decrease estimate figure total number hundreds thousands millions percent dollars "
            + "camps bases headquarters cells network leadership succession rivalry split defection loyalty "
            + "funding donors support assistance reconstruction reform transition constitution amnesty "
            + "reconciliation dialogue opposition coalition factions tribes elders clerics mosque religious "
            + "minority ethnic displacement returnees migrants deportation visas passports borders crossing "
            + "customs trucks cargo transit corridor port shipments supplies fuel energy power grid outage "
            + "cyberattack hackers surveillance intelligence spies informants propaganda recruitment online "
            + "videos claims responsibility denial accusations evidence victims casualties deaths injuries "
            + "morgue funeral mourning anniversary commemoration celebration festival holiday ramadan eid").split(" ");

    private static final String[] CUES = {"said", "told reporters", "stated", "announced", "warned", "claimed",
            "told journalists", "added", "insisted", "confirmed"};
    private static final String[] DENIAL_CUES = {"denied", "rejected claims", "dismissed reports"};
    private static final String[] UNITS = {"fighters", "members", "civilians", "people", "attacks", "soldiers",
            "families", "refugees", "tonnes", "dollars", "kilometres", "weapons", "vehicles", "casualties"};
    private static final String[] QUALIFIERS = {null, null, "about", "up to", "at least", "more than", "nearly"};

    private final Random random;
    private final int claimsPerDay;
    private final List<String> outlets = new ArrayList<>();
    private final List<Source> sources = new ArrayList<>();
    private final List<Subject> subjects = new ArrayList<>();
    private final List<String> words = new ArrayList<>();
    private final Zipf outletRank;
    private final Zipf sourceRank;
    private final Zipf subjectRank;
    private final Zipf wordRank;
    private final Source unnamed = new Source("unnamed source", Claim.Source.UNNAMED, null, null, null);
    private long articleCounter;

    /**
     * @param totalClaims about how many claims the three years should hold: the daily volume follows from it
     */
    public SyntheticNews(long seed, long totalClaims) {
        this.random = new Random(seed);
        this.claimsPerDay = (int) Math.max(1, totalClaims / DAYS);
        for (int i = 0; i < 150; i++) {
            outlets.add(outletName(i));
        }
        List<String> organisations = new ArrayList<>();
        for (String country : COUNTRIES) {
            for (String head : ORG_HEADS) {
                organisations.add(country + " " + head);
            }
        }
        Collections.shuffle(organisations, random);
        organisations = organisations.subList(0, 220);
        organisations.addAll(List.of(INTERNATIONAL));
        for (String core : CORE_GROUPS) {
            String[] parts = core.split("\\|");
            subjects.add(new Subject(parts[0], parts[1]));
        }
        Set<String> subjectNames = new LinkedHashSet<>();
        while (subjects.size() < 300) {
            String name = GROUP_ADJ[random.nextInt(GROUP_ADJ.length)] + " " + GROUP_NOUN[random.nextInt(GROUP_NOUN.length)]
                    + (random.nextBoolean() ? " of " + COUNTRIES[random.nextInt(COUNTRIES.length)] : "");
            if (subjectNames.add(name)) {
                subjects.add(new Subject(name, random.nextInt(3) == 0 ? acronym(name) : name));
            }
        }
        // Sources: mostly people (with a role, most with an organisation), then organisations, groups
        // speaking for themselves and documents; shuffled so that each kind has frequent and rare members.
        Set<String> personNames = new LinkedHashSet<>();
        while (personNames.size() < 1400) {
            personNames.add(GIVEN[random.nextInt(GIVEN.length)] + " " + SURNAMES[random.nextInt(SURNAMES.length)]);
        }
        for (String name : personNames) {
            String surname = name.substring(name.indexOf(' ') + 1);
            String org = random.nextInt(10) < 7 ? organisations.get(random.nextInt(organisations.size())) : null;
            sources.add(new Source(name, Claim.Source.PERSON, ROLES[random.nextInt(ROLES.length)], org, surname));
        }
        for (String org : organisations) {
            sources.add(new Source(org, Claim.Source.ORGANISATION, null, null, null));
        }
        for (int i = 0; i < 200; i++) {
            Subject group = subjects.get(i);
            sources.add(new Source(group.alias().startsWith("the ") ? group.alias().substring(4) : group.alias(),
                    Claim.Source.GROUP, null, null, null));
        }
        for (int i = 0; i < 160; i++) {
            String org = organisations.get(random.nextInt(organisations.size()));
            sources.add(new Source(org + " " + DOCUMENTS[i % DOCUMENTS.length], Claim.Source.DOCUMENT, null, org, null));
        }
        Collections.shuffle(sources, random);
        words.addAll(List.of(NEWS_WORDS));
        Set<String> seen = new LinkedHashSet<>(words);
        String[] syllables = {"ka", "ro", "mi", "tan", "ser", "vol", "dar", "bek", "lin", "mor", "gha", "zi", "pol",
                "stra", "ven", "qu", "ash", "ur", "nel", "tor", "bi", "sha", "kor", "mek", "dun", "ril", "fa", "jo"};
        while (words.size() < 6000) {
            StringBuilder w = new StringBuilder();
            int n = 2 + random.nextInt(3);
            for (int i = 0; i < n; i++) {
                w.append(syllables[random.nextInt(syllables.length)]);
            }
            if (seen.add(w.toString())) {
                words.add(w.toString());
            }
        }
        outletRank = new Zipf(outlets.size(), 1.0);
        sourceRank = new Zipf(sources.size(), 0.8);
        subjectRank = new Zipf(subjects.size(), 1.1);
        wordRank = new Zipf(words.size(), 1.0);
    }

    /** Query parameters as readers would pick them: drawn with the corpus's own frequencies or uniformly. */
    public Vocabulary vocabulary() {
        List<String> names = new ArrayList<>();
        List<String> surnames = new ArrayList<>();
        for (Source s : sources) {
            names.add(s.name());
            if (s.surname() != null) {
                surnames.add(s.surname());
            }
        }
        List<String> ids = new ArrayList<>();
        List<String> aliases = new ArrayList<>();
        for (Subject s : subjects) {
            ids.add(s.id());
            aliases.add(s.alias());
        }
        return new Vocabulary(names, surnames, ids, aliases, List.copyOf(words));
    }

    /** Source at a Zipf rank, subject at a Zipf rank, word at a Zipf rank (0 is the most frequent). */
    public String sourceAtRank(int rank) {
        return sources.get(rank).name();
    }

    public String subjectAtRank(int rank) {
        return subjects.get(rank).id();
    }

    public String wordAtRank(int rank) {
        return words.get(rank);
    }

    /**
     * Generates day after day until about {@code totalClaims} claims were handed out, each article whole
     * (its claims and its ArticleProcessed), in publication order.
     *
     * @return the number of claims generated
     */
    public long generate(long totalClaims, Consumer<Article> sink) {
        long claims = 0;
        List<Report> pending = new ArrayList<>();
        for (int d = 0; claims < totalClaims; d++) {
            LocalDate day = FIRST_DAY.plusDays(d);
            // weekends are quieter; the volume grows over the three years
            double volume = claimsPerDay * (day.getDayOfWeek().getValue() >= 6 ? 0.6 : 1.15) * (0.8 + 0.4 * d / DAYS);
            long target = Math.round(volume);
            List<Report> today = new ArrayList<>();
            List<Report> later = new ArrayList<>();
            for (Report r : pending) {
                (r.published().equals(day) ? today : later).add(r);
            }
            pending = later;
            long reports = today.size();
            while (reports < target) {
                Statement s = statement(day);
                int outletsReporting = reporters();
                Set<Integer> chosen = new LinkedHashSet<>();
                while (chosen.size() < outletsReporting) {
                    chosen.add(outletRank.sample(random));
                }
                for (int outlet : chosen) {
                    int delay = random.nextInt(10) < 7 ? 0 : 1 + random.nextInt(3);
                    Report r = new Report(s, paraphrase(s.words()), outlet, day.plusDays(delay));
                    (delay == 0 ? today : pending).add(r);
                    reports++;
                }
            }
            // each outlet's reports of the day go out as articles of 3 to 15 claims
            Map<Integer, List<Report>> byOutlet = new LinkedHashMap<>();
            for (Report r : today) {
                byOutlet.computeIfAbsent(r.outlet(), k -> new ArrayList<>()).add(r);
            }
            for (Map.Entry<Integer, List<Report>> e : byOutlet.entrySet()) {
                List<Report> list = e.getValue();
                for (int i = 0; i < list.size(); ) {
                    int n = Math.min(list.size() - i, 3 + random.nextInt(13));
                    Article article = article(e.getKey(), day, list.subList(i, i + n));
                    sink.accept(article);
                    claims += article.claims().size();
                    i += n;
                    if (claims >= totalClaims) {
                        return claims;
                    }
                }
            }
        }
        return claims;
    }

    private int reporters() {
        int r = random.nextInt(100);
        if (r < 50) {
            return 1;
        } else if (r < 70) {
            return 2;
        } else if (r < 82) {
            return 3;
        } else if (r < 92) {
            return 4 + random.nextInt(2);
        }
        return 6 + random.nextInt(5);
    }

    private Statement statement(LocalDate day) {
        Source source = random.nextInt(100) < 12 ? unnamed : sources.get(sourceRank.sample(random));
        List<Subject> about = new ArrayList<>();
        int r = random.nextInt(100);
        int n = r < 22 ? 0 : r < 80 ? 1 : r < 95 ? 2 : 3;
        while (about.size() < n) {
            Subject s = subjects.get(subjectRank.sample(random));
            if (!about.contains(s)) {
                about.add(s);
            }
        }
        List<String> content = new ArrayList<>();
        int wordCount = 6 + random.nextInt(9);
        while (content.size() < wordCount) {
            String w = words.get(wordRank.sample(random));
            if (!content.contains(w)) {
                content.add(w);
            }
        }
        Claim.Quantity figure = null;
        if (random.nextInt(100) < 32) {
            figure = figure(about);
        }
        int d = random.nextInt(100);
        Claim.ClaimedAt claimedAt;
        LocalDate said = day.minusDays(random.nextInt(10) < 8 ? 0 : 1);
        if (d < 58) {
            claimedAt = new Claim.ClaimedAt(said.toString(), Claim.ClaimedAt.DAY);
        } else if (d < 66) {
            claimedAt = new Claim.ClaimedAt(said.toString().substring(0, 7), Claim.ClaimedAt.MONTH);
        } else if (d < 67) {
            claimedAt = new Claim.ClaimedAt(said.toString().substring(0, 4), Claim.ClaimedAt.YEAR);
        } else {
            claimedAt = null;
        }
        String stance = random.nextInt(100) < 6 ? Claim.DENIES : Claim.ASSERTS;
        String place = random.nextInt(100) < 40 ? PLACES[random.nextInt(PLACES.length)] : null;
        return new Statement(source, said, claimedAt, stance, about, content, figure, place);
    }

    /** Round-ish numbers over five orders of magnitude: equal figures in unrelated statements stay rare. */
    private Claim.Quantity figure(List<Subject> about) {
        double magnitude = Math.pow(10, 1 + random.nextDouble() * 4.5);
        long value = Math.round(magnitude);
        long step = value >= 1000 ? 10 : 1;
        value = Math.max(1, value / step * step);
        String qualifier = QUALIFIERS[random.nextInt(QUALIFIERS.length)];
        String unit = UNITS[random.nextInt(UNITS.length)];
        String of = !about.isEmpty() && random.nextInt(3) == 0 ? about.get(0).id() : null;
        String text = (qualifier == null ? "" : qualifier + " ") + String.format(Locale.ROOT, "%,d", value) + " " + unit;
        return new Claim.Quantity(BigDecimal.valueOf(value), null, qualifier, unit, of, text);
    }

    /** Another outlet's wording: most of the words, in a slightly different order, a word of its own. */
    private List<String> paraphrase(List<String> core) {
        List<String> out = new ArrayList<>();
        for (String w : core) {
            if (random.nextInt(100) < 88) {
                out.add(w);
            }
        }
        if (out.size() > 2 && random.nextBoolean()) {
            Collections.swap(out, random.nextInt(out.size()), random.nextInt(out.size()));
        }
        if (random.nextInt(3) == 0) {
            out.add(random.nextInt(out.size() + 1), words.get(wordRank.sample(random)));
        }
        return out;
    }

    private Article article(int outletIndex, LocalDate day, List<Report> reports) {
        long n = ++articleCounter;
        String outlet = outlets.get(outletIndex);
        String domain = outlet.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "") + ".example";
        String externalId = domain + "-" + n;
        String url = "https://" + domain + "/" + day.toString().replace('-', '/') + "/" + n;
        String articleId = Ids.articleId("url:" + url);
        String publishedAt = random.nextInt(4) == 0 ? day.toString()
                : day + "T" + String.format(Locale.ROOT, "%02d:%02d:00Z", 5 + random.nextInt(17), random.nextInt(60));
        Instant ingestedAt = day.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(3600L * 6 + random.nextInt(60000));

        StringBuilder text = new StringBuilder();
        Report lead = reports.get(0);
        String title = capitalised(String.join(" ", lead.words().subList(0, Math.min(5, lead.words().size()))));
        text.append(title).append(". ");
        record Spans(int mentionStart, int mentionEnd, int cueStart, int cueEnd, int contentStart, int contentEnd,
                     int sentenceStart, int sentenceEnd, int placeStart, String mention, String cue, String content,
                     String sentence, Report report) {
        }
        List<Spans> spans = new ArrayList<>();
        for (Report r : reports) {
            Statement s = r.statement();
            int sentenceStart = text.length();
            String mention = s.source() == unnamed ? "A source familiar with the matter"
                    : s.source().type().equals(Claim.Source.PERSON)
                    ? capitalised(s.source().role()) + " " + s.source().name()
                    : "The " + s.source().name();
            int mentionStart = text.length() + (s.source().type().equals(Claim.Source.PERSON) ? s.source().role().length() + 1 : 0);
            if (s.source() == unnamed || !s.source().type().equals(Claim.Source.PERSON)) {
                mentionStart = text.length();
            }
            text.append(mention);
            int mentionEnd = text.length();
            text.append(' ');
            String[] cues = Claim.DENIES.equals(s.stance()) ? DENIAL_CUES : CUES;
            String cue = cues[random.nextInt(cues.length)];
            int cueStart = text.length();
            text.append(cue);
            int cueEnd = text.length();
            text.append(" that ");
            int contentStart = text.length();
            StringBuilder content = new StringBuilder();
            if (!s.subjects().isEmpty()) {
                content.append(s.subjects().get(0).alias()).append(' ');
            }
            content.append(String.join(" ", r.words()));
            if (s.figure() != null) {
                content.append(" with ").append(s.figure().text());
            }
            int placeStart = -1;
            if (s.place() != null) {
                content.append(" in ");
                placeStart = contentStart + content.length();
                content.append(s.place());
            }
            text.append(content);
            int contentEnd = text.length();
            text.append(". ");
            spans.add(new Spans(mentionStart, mentionEnd, cueStart, cueEnd, contentStart, contentEnd, sentenceStart,
                    contentEnd + 1, placeStart, text.substring(mentionStart, mentionEnd), cue, content.toString(),
                    text.substring(sentenceStart, contentEnd + 1), r));
        }
        String body = text.toString().trim();
        ArticleSnapshot snapshot = new ArticleSnapshot(articleId, 1, externalId, url, title, outlet, publishedAt, "en",
                body, Ids.sha256Hex(body));
        Claim.ArticleRef ref = new Claim.ArticleRef(articleId, 1, externalId, outlet, url, publishedAt);
        Claim.Extractor extractor = new Claim.Extractor(EXTRACTOR, VERSION);
        List<ClaimRecorded> claims = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        Instant processedAt = ingestedAt.plusSeconds(2);
        for (Spans sp : spans) {
            Statement s = sp.report().statement();
            String id = Ids.claimId(articleId, 1, VERSION, sp.mentionStart(), sp.mentionEnd(), sp.cueStart(),
                    sp.cueEnd(), sp.contentStart(), sp.contentEnd());
            if (!ids.add(id)) {
                continue;
            }
            Claim.Source source = new Claim.Source(s.source().name(), s.source().type(), s.source().role(),
                    s.source().organisation(), new Claim.Span(sp.mention(), sp.mentionStart(), sp.mentionEnd()));
            List<Claim.Subject> subjectRefs = new ArrayList<>();
            for (Subject subject : s.subjects()) {
                subjectRefs.add(new Claim.Subject(subject.id(), subject.alias()));
            }
            List<Claim.Location> locations = s.place() == null ? List.of()
                    : List.of(new Claim.Location(s.place(), sp.placeStart(), sp.placeStart() + s.place().length()));
            Claim claim = new Claim(id, Claim.ATTRIBUTED, ref, extractor, source,
                    new Claim.Cue(sp.cue(), lemma(sp.cue()), sp.cueStart(), sp.cueEnd()), s.stance(), false,
                    new Claim.Span(sp.content(), sp.contentStart(), sp.contentEnd()),
                    new Claim.Span(sp.sentence(), sp.sentenceStart(), sp.sentenceEnd()), subjectRefs,
                    s.figure() == null ? List.of() : List.of(s.figure()), locations, s.claimedAt(), List.of());
            claims.add(new ClaimRecorded(ClaimRecorded.SCHEMA_VERSION, id, processedAt, claim));
        }
        ArticleIngested ingested = new ArticleIngested(ArticleIngested.SCHEMA_VERSION, Ids.articleEventId(articleId, 1),
                ingestedAt, snapshot);
        ArticleProcessed processed = new ArticleProcessed(ArticleProcessed.SCHEMA_VERSION,
                Ids.processedEventId(articleId, 1, VERSION), processedAt, articleId, 1, extractor, claims.size(),
                claims.isEmpty() ? ArticleProcessed.NO_CLAIMS : ArticleProcessed.EXTRACTED,
                claims.isEmpty() ? "no attribution found" : null);
        return new Article(ingested, claims, processed);
    }

    private static String lemma(String cue) {
        String first = cue.split(" ")[0];
        return switch (first) {
            case "said" -> "say";
            case "told" -> "tell";
            case "denied" -> "deny";
            case "rejected" -> "reject";
            case "dismissed" -> "dismiss";
            default -> first.endsWith("ed") ? first.substring(0, first.length() - 1) : first;
        };
    }

    private String outletName(int i) {
        String[] a = {"Daily", "Morning", "Evening", "Weekly", "Central", "Frontier", "Global", "National", "Asia",
                "Eurasia", "Kabul", "Steppe", "Silk Road", "Mountain", "River"};
        String[] b = {"Times", "Post", "Herald", "Observer", "Monitor", "Tribune", "Express", "Gazette", "Review",
                "News"};
        return a[i % a.length] + " " + b[(i / a.length) % b.length] + (i >= a.length * b.length ? " " + i : "");
    }

    private static String acronym(String name) {
        StringBuilder out = new StringBuilder();
        for (String part : name.split(" ")) {
            if (!part.equals("of") && !part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0)));
            }
        }
        return out.toString();
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Ranks 0..n-1 with probability proportional to 1/(rank+1)^s, by inverse transform over the cumulative sums. */
    static final class Zipf {
        private final double[] cumulative;

        Zipf(int n, double s) {
            cumulative = new double[n];
            double sum = 0;
            for (int k = 0; k < n; k++) {
                sum += 1 / Math.pow(k + 1, s);
                cumulative[k] = sum;
            }
            for (int k = 0; k < n; k++) {
                cumulative[k] /= sum;
            }
        }

        int sample(Random random) {
            int i = java.util.Arrays.binarySearch(cumulative, random.nextDouble());
            return Math.min(cumulative.length - 1, i >= 0 ? i : -i - 1);
        }
    }
}
