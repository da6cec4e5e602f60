#!/usr/bin/env python3
"""Builds heldout.gold.json from the annotation tables below and the article texts.

Offsets are computed here (Python code points into the UTF-8-decoded file) from the exact content strings,
so the annotation is written as text, never as hand-counted numbers. Every content string must occur
exactly once in its article unless an occurrence index is given (`occ`).
usage: python3 build_gold.py   (writes heldout.gold.json next to this file)
"""
import json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ART = os.path.join(HERE, "articles")
NB = "\u00a0"


def S(name, typ, role=None, org=None, mention=None, accept=None):
    s = {"name": name, "type": typ, "role": role, "organisation": org, "mention": mention}
    if accept:
        s["accept"] = accept
    return s


def U(role, org=None, mention=None, accept=None):
    return S("unnamed source", "unnamed", role, org, mention or role, accept)


def Q(value, unit, of=None, qualifier=None):
    return {"value": value, "qualifier": qualifier, "unit": unit, "of": of}


def D(value):
    return {"value": value, "precision": {4: "year", 7: "month", 10: "day"}[len(value)]}


def C(content, loc, src, cue, lemma, stance="asserts", direct=False, direct_any=False, subj=(), subj_opt=None,
      q=(), locs=(), at=None, via=(), story=None, optional=False, note=None, occ=0):
    return dict(content=content, loc=loc, src=src, cue=cue, lemma=lemma, stance=stance, direct=direct,
                direct_any=direct_any, subj=list(subj), subj_opt=subj_opt, q=list(q), locs=list(locs),
                at=D(at) if at else None, via=list(via), story=story, optional=optional, note=note, occ=occ)


def O(text, loc, q=()):
    return dict(text=text, loc=loc, q=list(q))


ARTICLES = []


def article(aid, outlet, published, basis, claims, outlet_statements=()):
    ARTICLES.append(dict(id=aid, outlet=outlet, published=published, basis=basis, claims=claims,
                         outlets=list(outlet_statements)))


ISKP_ALT = ["IS", "ISKP"]

# ------------------------------------------------------------------ 001 Sahel Wire (wire, dateline)
mil_army = S("Malian army", "organisation", "armed forces", "Mali", "the army",
             ["Malian Armed Forces", "Mali", "Souleymane Diarra"])
diarra = lambda m: S("Souleymane Diarra", "person", "army spokesman", "Malian Armed Forces", m)
jnim = lambda m: S("JNIM", "group", None, None, m)
toure = lambda m: S("Aminata Touré-Bah", "person", "researcher", "Institute for Sahel Security Studies", m)
mali_ng = lambda n: S(n, "organisation", "government", None, "Mali and Niger")
article("001_mali_boni_ambush.txt", "Sahel Wire (invented wire service; dateline story)", "2026-03-04",
        "Dateline 'BAMAKO, March 4'; year chosen by the author (held-out set, not inferred). Tuesday = 2026-03-03.", [
    C("up to 40 soldiers killed in ambush claimed by JNIM", "40 soldiers killed in ambush", S("Mali", "organisation", "government", None, "Mali", ["Malian army"]),
      "says", "say", q=[Q(40, "soldiers", "killed", "up to")], subj=["JNIM"], optional=True, note="Headline attribution: optional."),
    C("ambush claimed by JNIM", "ambush claimed by JNIM", jnim("JNIM"), "claimed by", "claim", optional=True,
      note="Second headline attribution (JNIM's claim of responsibility); the span includes the cue because the content is one word."),
    C(f"Militants killed up to 40{NB}Malian soldiers when they ambushed a supply convoy near the central town of Boni",
      "ambushed a supply convoy near", mil_army, "said", "say", q=[Q(40, "soldiers", "killed", "up to")], locs=["Boni"],
      at="2026-03-03", story="mali-boni-toll",
      note="Inverted cue after the content ('..., the army said on Tuesday'). The statement was read by Diarra (002 names him): same story."),
    C("Our units came under heavy fire from several directions. They fought back for more than three hours and inflicted heavy losses on the terrorists",
      "came under heavy fire from", diarra("army spokesman Colonel Souleymane Diarra"), "said", "say", direct=True,
      q=[Q(3, "hours", "fighting", "more than")], at="2026-03-03", story="mali-boni-fightback",
      note="Two-sentence quote under one cue: one claim. 'on Tuesday evening'."),
    C("The convoy of about 60 vehicles was carrying fuel and food to garrisons in the Mopti region", "convoy of about 60 vehicles",
      U("a security source"), "told", "tell", q=[Q(60, "vehicles", "convoy", "about")], locs=["Mopti region"]),
    C("at least 12 trucks had been set on fire", "12 trucks had been set", U("a security source", mention="a security source"), "adding", "add",
      q=[Q(12, "trucks", "burned", "at least")], note="Participial second cue: its own claim."),
    C("responsibility for the ambush", "responsibility for the ambush", jnim("Jama’at Nusrat al-Islam wal-Muslimin (JNIM)"), "claimed", "claim",
      subj_opt=["JNIM"], note="Claim of responsibility: group speaking for itself (type group). The az-Zallaqa media arm is the group's own channel, not a relay: via empty. Apposition 'al-Qaeda’s affiliate in the Sahel' is outlet background."),
    C("its fighters had seized weapons and two armoured vehicles", "fighters had seized weapons and", jnim("Jama’at Nusrat al-Islam wal-Muslimin (JNIM)"),
      "saying", "say", subj_opt=["JNIM"], q=[Q(2, "armoured vehicles", "seized")]),
    C("the group’s claim that it had captured armoured vehicles", "claim that it had captured", diarra("Diarra"), "dismissed", "dismiss",
      stance="denies", subj=["JNIM"], note="Denial cue. No time given for this reply: claimed_at null."),
    C("no vehicle had been lost in the fighting", "no vehicle had been lost", diarra("Diarra"), "saying", "say", stance="denies",
      note="Negative assertion made in reply to JNIM's claim: denies (claims.md rule 8)."),
    C("the attackers had crossed from the border zone with Burkina Faso", "attackers had crossed from the border", mali_ng("Mali"), "said", "say",
      locs=["Burkina Faso"], at="2026-03-04", note="Named co-sources: one claim per country (rule 7)."),
    C("the attackers had crossed from the border zone with Burkina Faso", "attackers had crossed from the border", mali_ng("Niger"), "said", "say",
      locs=["Burkina Faso"], at="2026-03-04"),
    C("terrorist groups are trying to cut off our supply routes", "cut off our supply routes", mali_ng("Mali"), "warned", "warn", direct=True, at="2026-03-04"),
    C("terrorist groups are trying to cut off our supply routes", "cut off our supply routes", mali_ng("Niger"), "warned", "warn", direct=True, at="2026-03-04"),
    C("the ambush fits a pattern that has emerged since the rainy season ended", "ambush fits a pattern that", U("analysts", mention="Analysts"), "say", "say"),
    C("JNIM is no longer just hitting and running. It is trying to starve the garrisons one road at a time", "starve the garrisons one road",
      toure("Aminata Touré-Bah, a researcher at the Dakar-based Institute for Sahel Security Studies"), "said", "say", direct=True, subj=["JNIM"]),
    C("the group had imposed a fuel blockade on Bamako in late 2025, causing weeks of shortages in the capital", "imposed a fuel blockade on Bamako",
      toure("Touré-Bah"), "noted", "note", subj=["JNIM"], locs=["Bamako"], note="'in late 2025' dates the blockade, not the statement: claimed_at null."),
    C("the town’s market had been closed since the weekend and that many families had fled towards Douentza", "market had been closed since",
      U("residents of Boni", mention="Residents of Boni"), "said", "say", locs=["Boni", "Douentza"]),
], [O("Mali’s military government, which took power in coups in 2020 and 2021, expelled French troops in 2022 and has relied on Russian paramilitaries since",
      "expelled French troops in 2022")])

# ------------------------------------------------------------------ 002 The Sahel Ledger (analysis)
bf = S("Burkina Faso", "organisation", "government", None, "Burkina Faso")
sang = lambda m: S("Ibrahim Sangaré", "person", "former defence official", None, m)
dipl = U("a Western diplomat in Bamako", mention="A Western diplomat in Bamako, who asked not to be named")
article("002_mali_boni_analysis.txt", "The Sahel Ledger (invented; analysis piece)", "2026-03-06",
        "Byline date '6 March 2026'. Tuesday = 2026-03-03, Thursday = 2026-03-05.", [
    C("as many as 40 soldiers had died near Boni", "40 soldiers had died near", diarra("Colonel Souleymane Diarra"), "announce", "announce",
      q=[Q(40, "soldiers", "killed", "up to")], locs=["Boni"], at="2026-03-03", story="mali-boni-toll",
      note="Same statement as 001#c02 ('the army said'): a story across outlets naming the source differently."),
    C("the troops had fought back for more than three hours before the attackers withdrew", "troops had fought back for", diarra("Diarra"), "told", "tell",
      q=[Q(3, "hours", "fighting", "more than")], at="2026-03-03", story="mali-boni-fightback",
      note="Indirect report of the quote in 001#c03. 'told viewers' = the Tuesday television statement (same source, same occasion): date carries over."),
    C("the “montée en puissance” of the armed forces had turned the tide against jihadist groups", "turned the tide against jihadist",
      S("Mali", "organisation", "military authorities", None, "the military authorities", ["Malian military authorities", "Malian army", "Malian government"]),
      "have insisted", "insist", direct_any=True, note="Habitual ('For two years'): claimed_at null. Quoted French fragment inside indirect speech."),
    C("53 soldiers had been killed and that its fighters had lost “only four martyrs”", "53 soldiers had been killed", jnim("JNIM"), "claimed", "claim",
      direct_any=True, subj_opt=["JNIM"], q=[Q(53, "soldiers", "killed"), Q(4, "fighters", "JNIM dead")]),
    C("attacks on convoys in central Mali rose by nearly 30% last year, to between 140 and 160 incidents", "attacks on convoys in central",
      S("Sahel Conflict Monitor", "organisation", None, None, "the Sahel Conflict Monitor"), "according to", "according to",
      q=[Q(30, "percent", "rise in convoy attacks", "about"), Q(140, "incidents", "convoy attacks", "at least"), Q(160, "incidents", "convoy attacks", "up to")],
      locs=["central Mali"], note="'last year' dates the data, not the statement: claimed_at null. Range 'between 140 and 160' recorded as at least 140 / up to 160."),
    C("What we are seeing is a blockade economy. Whoever controls the roads controls the towns, and right now the army controls the towns only from the air",
      "seeing is a blockade economy", sang("Ibrahim Sangaré, a former Malian defence official now based in Dakar"), "said", "say", direct=True),
    C(f"the army already supplies about 35{NB}percent of its garrisons in the centre and north by helicopter or transport aircraft", "already supplies about 35 percent",
      sang("He"), "estimated", "estimate", q=[Q(35, "percent", "garrisons supplied by air", "about")]),
    C("Russian-backed units, stretched across a territory twice the size of France, could not escort every convoy", "could not escort every convoy",
      sang("Sangaré"), "cautioned", "caution"),
    C("the army had “adapted faster than expected”", "adapted faster than expected", dipl, "said", "say", direct_any=True),
    C("the road to Mopti had reopened within a day", "road to Mopti had reopened", dipl, "noted", "note", locs=["Mopti"]),
    C("the suggestion that the attackers came from its territory", "suggestion that the attackers came", bf, "rejected", "reject", stance="denies",
      at="2026-03-05"),
    C("its soil was “not a rear base for anyone”", "not a rear base for", bf, "saying", "say", stance="denies", direct_any=True, at="2026-03-05",
      note="Negative reply to the accusation: denies (rule 8)."),
], [])

# ------------------------------------------------------------------ 003 Horn Observer (Somalia, public health)
moh = lambda m: S("Somali Ministry of Health", "organisation", None, None, m, ["Somalia", "Ministry of Health", "health ministry"])
warsame = lambda m: S("Hodan Warsame", "person", "director of public health", "Somali Ministry of Health", m)
shab = lambda m: S("Al-Shabaab", "group", None, None, m)
who = lambda m: S("World Health Organization", "organisation", "country office", None, m, ["WHO"])
article("003_somalia_cholera_shabaab.txt", "Horn Observer (invented; online news site)", "2025-11-18",
        "Dateline line 'Tuesday, 18 November 2025'. Monday = 2025-11-17; 'Last year' = 2024.", [
    C("Cholera spreads in southern Somalia as militants block vaccine teams", "militants block vaccine teams", U("officials"), "say", "say",
      subj_opt=["Al-Shabaab"], locs=["southern Somalia"], optional=True, note="Headline attribution: optional."),
    C("more than 4,200 suspected cholera cases had been recorded in the Lower Shabelle and Bay regions since August", "4,200 suspected cholera cases had",
      moh("Somalia’s health ministry"), "said", "say", q=[Q(4200, "cases", "suspected cholera", "more than")], locs=["Lower Shabelle", "Bay"], at="2025-11-17"),
    C("the real number was “certainly higher”", "real number was certainly higher", moh("Somalia’s health ministry"), "warned", "warn", direct_any=True, at="2025-11-17"),
    C("at least 61 people had died, most of them children under five", "61 people had died most", warsame("Dr Hodan Warsame, the ministry’s director of public health"),
      "told", "tell", q=[Q(61, "people", "cholera deaths", "at least")], at="2025-11-17"),
    C("We have vaccine doses in the warehouse. We have trained teams. What we do not have is access", "vaccine doses in the warehouse", warsame("she"),
      "said", "say", direct=True, at="2025-11-17", note="Three-sentence quote, one claim; same occasion as the Monday briefing."),
    C("Al-Shabaab of turning back two vaccination teams at checkpoints near Qoryoley earlier this month", "turning back two vaccination teams",
      warsame("Warsame"), "accused", "accuse", subj=["Al-Shabaab"], q=[Q(2, "teams", "vaccination teams turned back")], locs=["Qoryoley"],
      note="'earlier this month' dates the events; the accusation's own time is not stated (separate paragraph): claimed_at null."),
    C("its fighters had obstructed any health workers", "fighters had obstructed any health", shab("The al-Qaeda-linked group"), "denied", "deny",
      stance="denies", subj_opt=["Al-Shabaab"], note="'al-Qaeda-linked' is the outlet's gloss of the source, not content."),
    C("they “have never stopped medicine from reaching Muslims”", "never stopped medicine from reaching", shab("the militants"), "said", "say",
      stance="denies", direct_any=True, subj_opt=["Al-Shabaab"],
      note="Negative reply (rule 8). Posted on a supporting website: channel, not a relay, so via is empty."),
    C("the vaccination drive was a cover for foreign intelligence gathering", "vaccination drive was a cover", shab("the militants"), "claimed", "claim"),
    C(f"about 1.2{NB}million people in the two regions lacked access to safe drinking water", "lacked access to safe drinking",
      who("The World Health Organization’s country office"), "estimated", "estimate", q=[Q(1200000, "people", "without safe water", "about")]),
    C("the Gu rains, expected from April, could accelerate transmission", "could accelerate transmission",
      who("The World Health Organization’s country office"), "cautioned", "caution"),
    C("AU troops were “ready to escort health workers wherever they are needed”", "ready to escort health workers",
      S("Kato Ssemwogerere", "person", "spokesman", "African Union mission", "A spokesman for the African Union mission, Major Kato Ssemwogerere"),
      "was quoted by ... as saying", "quote", direct_any=True, via=["SONNA"], note="SONNA is a relay: via."),
    C("Aid workers are less sure", "Aid workers are less sure", U("aid workers", mention="Aid workers"), "are less sure", "be unsure", optional=True,
      note="Mental state without a speech act: optional."),
    C("An armed escort is exactly what gets a clinic burned down the following week", "gets a clinic burned down",
      U("one aid worker in Baidoa", mention="one aid worker in Baidoa, who asked not to be named"), "said", "say", direct=True),
    C("it has delivered more than 300,000 doses of oral cholera vaccine to Somalia since January", "delivered more than 300,000 doses",
      S("United Nations", "organisation", None, None, "The United Nations", ["UN"]), "says", "say",
      q=[Q(300000, "doses", "oral cholera vaccine delivered", "more than")], locs=["Somalia"], note="Present 'says': claimed_at null."),
    C("it had underestimated the scale of an outbreak in Hiiraan", "underestimated the scale of an", moh("the ministry"), "acknowledged", "acknowledge",
      locs=["Hiiraan"], at="2024", note="'Last year' dates the statement. The clause 'where deaths were later revised upwards' is outlet gloss."),
    C("Drought leaves 3 million Somalis short of food", "leaves 3 million Somalis short", S("FAO", "organisation", None, None, "FAO", ["Food and Agriculture Organization"]),
      "warns", "warn", q=[Q(3000000, "people", "short of food")], locs=["Somalia"], optional=True, note="'Related coverage' link headline: optional."),
], [O("Al-Shabaab has fought the federal government for more than 15 years and still controls much of the countryside in both regions",
      "fought the federal government for", [Q(15, "years", "insurgency", "more than")]),
    O("Somalia has reported cholera every year since 2017, a result of drought, displacement and a health system that reaches fewer than half of rural households",
      "reported cholera every year since")])

# ------------------------------------------------------------------ 004 Levant Dispatch (wire)
mous = lambda m: S("Ali Jabbar al-Mousawi", "person", "Deputy Migration Minister", "Iraqi Ministry of Migration and Displacement", m)
sdf = lambda m: S("Syrian Democratic Forces", "organisation", None, None, m, ["SDF"])
un_dam = U("a UN official in Damascus", "United Nations", "A UN official in Damascus, speaking on condition of anonymity")
sy_def = S("Syrian Ministry of Defence", "organisation", None, None, "The defence ministry in Damascus", ["Syria", "Syrian defence ministry"])
article("004_iraq_alhol_repatriation.txt", "Levant Dispatch (invented wire service; dateline story)", "2026-01-22",
        "Dateline 'BAGHDAD, Jan 22'; year chosen by the author. Wednesday = 2026-01-21.", [
    C("Iraq will repatriate between 2,000 and 2,500 of its citizens from Syria’s al-Hol camp before the end of March", "repatriate between 2,000 and 2,500",
      mous("a deputy minister"), "said", "say", q=[Q(2000, "citizens", "repatriated", "at least"), Q(2500, "citizens", "repatriated", "up to")],
      locs=["Iraq", "Syria", "al-Hol"], at="2026-01-21", note="Source given only by role in the lead; resolved to the person named in the next paragraph."),
    C("These are families, mostly women and children. Keeping them in the camp is more dangerous than bringing them home", "more dangerous than bringing them",
      mous("Deputy Migration Minister Ali Jabbar al-Mousawi"), "told", "tell", direct=True, at="2026-01-21",
      note="The news conference is the Wednesday occasion of the lead: date carries over."),
    C("about 1,400 Iraqis had returned in three rounds last year and that none of them had been charged with a terrorism offence after screening",
      "1,400 Iraqis had returned in", mous("He"), "said", "say", q=[Q(1400, "Iraqis", "returned", "about")], at="2026-01-21",
      note="Coordinated content under one cue: one claim. 'last year' dates the returns, not the statement."),
    C("its units had arrested 17 suspected Islamic State members in raids near Deir ez-Zor last week", "arrested 17 suspected Islamic State",
      sdf("The Syrian Democratic Forces (SDF)"), "said", "say", subj=["IS"], q=[Q(17, "suspects", "IS members arrested")], locs=["Deir ez-Zor"],
      note="'last week' dates the raids; statement undated."),
    C("the group was “exploiting the security vacuum” in the Badia desert", "exploiting the security vacuum", sdf("The Syrian Democratic Forces (SDF)"),
      "warned", "warn", direct_any=True, subj=["IS"], locs=["Badia desert"]),
    C("Iraqi aircraft had struck an IS hideout in the Hamrin mountains on Tuesday, killing four militants", "struck an IS hideout in",
      S("Joint Operations Command", "organisation", None, "Iraq", "the Joint Operations Command"), "citing ... reported", "cite", subj=["IS"],
      q=[Q(4, "militants", "killed")], locs=["Hamrin mountains"], via=["INA"],
      note="'Y, citing X, reported': X is the source, the agency INA goes into via. 'on Tuesday' dates the strike, not the statement."),
    C("reports that hundreds of detainees had escaped from a prison near al-Shaddadi during clashes last year", "hundreds of detainees had escaped",
      S("Syrian Ministry of Interior", "organisation", None, None, "Syria’s interior ministry", ["Syria", "Syrian interior ministry"]), "rejected", "reject",
      stance="denies", locs=["al-Shaddadi"], note="'hundreds' is vague: no quantity."),
    C("only “a handful” had fled and that most were recaptured within days", "most were recaptured within days",
      S("Syrian Ministry of Interior", "organisation", None, None, "Syria’s interior ministry", ["Syria", "Syrian interior ministry"]), "saying", "say",
      direct_any=True, note="A corrective positive assertion, not a negation: asserts."),
    C("at least 38,000 people remained in al-Hol, nearly 60% of them children", "38,000 people remained in", un_dam, "said", "say",
      q=[Q(38000, "people", "in al-Hol", "at least"), Q(60, "percent", "children", "about")], locs=["al-Hol"]),
    C("conditions there “a slow-motion emergency”", "a slow motion emergency", un_dam, "called", "call", direct_any=True, optional=True,
      note="Characterisation ('called conditions there ...'): debatable, optional."),
    C("IS has no more than 1,000 fighters left in Iraq, most of them in small cells in the Hamrin and Makhoul ranges", "1,000 fighters left in Iraq",
      U("Iraqi officials", "Iraq", "Iraqi officials"), "have said", "say", subj=["IS"], q=[Q(1000, "fighters", "IS in Iraq", "up to")],
      locs=["Iraq", "Hamrin", "Makhoul"], note="'no more than' = up to. Perfect 'have said': undated."),
    C("former Hayat Tahrir al-Sham (HTS) commanders now serving in the new Syrian army of tolerating IS smuggling networks along the Euphrates",
      "tolerating IS smuggling networks along", sdf("The SDF"), "has accused", "accuse", subj=["HTS", "IS"], locs=["Euphrates"]),
    C("the allegation as “baseless”", "the allegation as baseless", sy_def, "dismissed", "dismiss", stance="denies", direct_any=True, subj_opt=["HTS", "IS"]),
    C("no such networks existed in areas under its control", "no such networks existed in", sy_def, "said", "say", stance="denies", subj_opt=["IS", "HTS"],
      note="Negative reply to the SDF accusation: denies (rule 8)."),
], [O("Iraq to bring home up to 2,500 more citizens from Syria’s al-Hol camp", "bring home up to 2,500",
      [Q(2500, "citizens", "repatriated", "up to")]),
    O("HTS, which led the offensive that toppled Bashar al-Assad in December 2024, announced its dissolution a few weeks later",
      "toppled Bashar al Assad in"),
    O("Under a 2025 agreement, the SDF is supposed to hand control of the camp to Syrian government forces, but the timetable has slipped repeatedly",
      "Under a 2025 agreement the")])

# ------------------------------------------------------------------ 005 blog repost (Myanmar)
junta = lambda m: S("Myanmar military government", "organisation", None, None, m,
                    ["Myanmar junta", "junta", "Myanmar military", "Tatmadaw", "Myanmar"])
aa = lambda m: S("Arakan Army", "group", None, None, m, ["AA"])
ktl = lambda m: S("Kyaw Thura Lin", "person", "spokesman", "Myanmar military government", m)
article("005_myanmar_rakhine_market.txt", "Mekong Frontline (invented WordPress blog; repost of a partner report with Posted-by line, Related links, share buttons, comment form)",
        "2025-09-09", "Post date 'September 9, 2025'. Monday = 2025-09-08, Sunday = 2025-09-07.", [
    C("Junta denies airstrike on Rakhine market", "airstrike on Rakhine market", junta("Junta"), "denies", "deny", stance="denies",
      locs=["Rakhine"], optional=True, note="Headline attribution: optional."),
    C("Arakan Army reports 27 dead", "Arakan Army reports 27 dead", aa("Arakan Army"), "reports", "report", q=[Q(27, "dead", "market strike")],
      optional=True, note="Headline attribution: optional (span includes the source because the content alone is two words)."),
    C("carrying out an airstrike on a crowded market in Rakhine State", "carrying out an airstrike on", junta("Myanmar’s military government"),
      "denied", "deny", stance="denies", locs=["Rakhine State"], at="2025-09-08"),
    C(f"at least 27{NB}civilians had been killed there", "27 civilians had been killed", aa("the Arakan Army"), "said", "say",
      q=[Q(27, "civilians", "killed", "at least")], at="2025-09-07", subj_opt=["Arakan Army"]),
    C("No aircraft of the Tatmadaw flew over that area on that day. The explosion was caused by the terrorists’ own ammunition store",
      "aircraft of the Tatmadaw flew", ktl("junta spokesman Major General Kyaw Thura Lin"), "said", "say", stance="denies", direct=True,
      subj_opt=["Arakan Army"], at="2025-09-08",
      note="Reply to the AA account; first sentence negates it, second offers another cause: denies (rule 8). 'the terrorists' = the AA in junta usage: optional subject."),
    C("security forces had “every right” to respond to attacks on police posts", "respond to attacks on police", ktl("He"), "added", "add",
      direct_any=True, at="2025-09-08"),
    C("the market had been packed because it was a full-moon day", "packed because it was a",
      U("residents of Mrauk-U", mention="Residents of Mrauk-U"), "told", "tell", locs=["Mrauk-U"],
      note="'told local media': unnamed recipient outlets, not recorded as via."),
    C("the strike was carried out by a jet", "strike was carried out by", aa("The AA"), "said", "say", subj_opt=["Arakan Army"]),
    C("the military of targeting civilians “to punish the population for our victories”", "punish the population for our", aa("The AA"),
      "accused", "accuse", direct_any=True),
    C("satellite images showed a crater consistent with a 250-kg bomb", "crater consistent with a 250",
      U("a Western diplomat in Yangon", mention="A Western diplomat in Yangon, who asked not to be named"), "said", "say",
      q=[Q(250, "kg", "bomb")]),
    C("it was “deeply alarmed”", "it was deeply alarmed",
      S("UN human rights office", "organisation", None, "United Nations", "The UN human rights office", ["OHCHR", "UN Human Rights Office", "United Nations"]),
      "said", "say", direct_any=True, note="A stated concern with a speech act ('said'): a claim, not an optional mental state."),
    C("an independent investigation", "an independent investigation",
      S("UN human rights office", "organisation", None, "United Nations", "The UN human rights office", ["OHCHR", "UN Human Rights Office", "United Nations"]),
      "called for", "call for", optional=True, note="A demand: optional."),
    C(f"More than 3.5{NB}million people have been displaced across Myanmar since the 2021 coup", "million people have been displaced",
      S("UN figures", "document", None, "United Nations", "UN figures", ["United Nations", "UN"]), "according to", "according to",
      q=[Q(3500000, "people", "displaced", "more than")], locs=["Myanmar"]),
    C("The junta is reportedly preparing a new offensive to retake the outskirts of the state capital, Sittwe, before the dry season",
      "preparing a new offensive to", U("reportedly"), "reportedly", "report", locs=["Sittwe"], optional=True, note="Hedge without a source: optional."),
    C("it captured border command near Maungdaw", "captured border command near Maungdaw", aa("Arakan Army"), "says", "say", locs=["Maungdaw"],
      optional=True, note="'Related:' link headline: optional (as 'Also Read' in the seeds)."),
    C("ceasefire ahead of monsoon", "ceasefire ahead of monsoon", U("ASEAN envoy", "ASEAN"), "urges", "urge", optional=True,
      note="'Related:' link headline with a demand: optional."),
], [O("The Arakan Army (AA) now controls 14 of Rakhine’s 17 townships", "controls 14 of Rakhine’s 17",
      [Q(14, "townships", "controlled by AA"), Q(17, "townships", "in Rakhine")])])

# ------------------------------------------------------------------ 006 Andes Monitor (Colombia)
card = lambda m: S("Andrés Felipe Cárdenas", "person", "Defence Minister", "Colombia", m)
eln = lambda m, role=None: S("ELN", "group", role, None, m, ["National Liberation Army"])
rios = lambda m: S("Aureliano Ríos", "person", "chief negotiator", "ELN", m)
otal = lambda m: S("María Fernanda Otálora", "person", "conflict analyst", "Fundación Paz y Territorio", m)
article("006_colombia_eln_talks.txt", "Andes Monitor (invented; regional news site)", "2026-02-12",
        "Header date '12 February 2026'. Wednesday = 2026-02-11; 'last month' = 2026-01.", [
    C("the government was suspending peace talks with the National Liberation Army (ELN) after the rebel group bombed the Caño Limón–Coveñas oil pipeline for the third time this year",
      "suspending peace talks with the", card("Defence Minister Andrés Felipe Cárdenas"), "announced", "announce", subj=["ELN"],
      locs=["Caño Limón–Coveñas pipeline"], at="2026-02-11", note="'third time' is an ordinal: no quantity."),
    C("There can be no dialogue while they blow up the country’s infrastructure and kidnap civilians", "no dialogue while they blow",
      card("Cárdenas"), "told", "tell", direct=True, subj=["ELN"], at="2026-02-11", note="Same occasion as the Wednesday announcement: date carries over."),
    C("the group had nearly 5,800 fighters, up from about 4,000 in 2022", "nearly 5,800 fighters up from",
      S("Colombian army", "organisation", None, "Colombia", "the army", ["army", "Colombian Army"]), "estimated", "estimate", subj=["ELN"],
      q=[Q(5800, "fighters", "ELN", "about"), Q(4000, "fighters", "ELN in 2022", "about")], via=["Andrés Felipe Cárdenas"],
      note="'He said the army estimated': the army is the inner source, Cárdenas relays (via)."),
    C("the army estimated the group had nearly 5,800 fighters, up from about 4,000 in 2022", "nearly 5,800 fighters up from", card("He"), "said", "say",
      subj=["ELN"], q=[Q(5800, "fighters", "ELN", "about"), Q(4000, "fighters", "ELN in 2022", "about")], at="2026-02-11", optional=True,
      note="Cárdenas's own relay of the army estimate: debatable whether a separate claim (relay vs. nested claim); optional."),
    C("the government’s account", "the government’s account", eln("the ELN’s Central Command", "Central Command"), "rejected", "reject", stance="denies",
      subj_opt=["ELN"], note="Communiqué on its own website: channel, no via."),
    C("the pipeline was “a legitimate military target”", "a legitimate military target", eln("the ELN’s Central Command", "Central Command"), "saying", "say",
      direct_any=True),
    C("it held any civilian hostages", "held any civilian hostages", eln("the ELN’s Central Command", "Central Command"), "denying", "deny", stance="denies",
      subj_opt=["ELN"]),
    C("the group remained “committed to a political solution”", "committed to a political solution", rios("Aureliano Ríos, the ELN’s chief negotiator"),
      "insisted", "insist", direct_any=True, subj_opt=["ELN"]),
    C("it would not accept “conditions imposed by the oligarchy”", "conditions imposed by the oligarchy", rios("Aureliano Ríos"), "said", "say",
      direct_any=True, subj_opt=["ELN"], note="Refusal stated as a position, not a denial of a claim: asserts."),
    C(f"pumping had been halted, cutting crude output by about 45,000{NB}barrels per day", "pumping had been halted cutting",
      U("the pipeline operator", mention="The pipeline operator"), "said", "say", q=[Q(45000, "barrels per day", "output lost", "about")]),
    C("212 social leaders had been killed in 2025, 14% more than a year earlier", "212 social leaders had been killed",
      S("Ombudsman’s Office report", "document", None, "Ombudsman’s Office", "The Ombudsman’s Office report, published last month",
        ["Ombudsman’s Office", "Ombudsman's Office", "Defensoría del Pueblo"]), "said", "say",
      q=[Q(212, "social leaders", "killed in 2025"), Q(14, "percent", "increase")], at="2026-01",
      note="'X's report said'; the report's publication ('last month') dates the statement."),
    C("Talks have collapsed before, but the ELN has never held so much territory or had so little reason to negotiate", "never held so much territory",
      otal("María Fernanda Otálora, a conflict analyst at the Bogotá-based Fundación Paz y Territorio"), "said", "say", direct=True, subj=["ELN"]),
    C("the Estado Mayor Central, the largest FARC dissident faction, was competing with the ELN for cocaine routes in the Catatumbo region, where fighting displaced more than 50,000 people last year",
      "competing with the ELN for", otal("She"), "noted", "note", subj=["EMC", "ELN"], q=[Q(50000, "people", "displaced", "more than")],
      locs=["Catatumbo"], note="The trailing relative clause is read as part of her content (it could be outlet gloss; the locator avoids it)."),
    C("back-channel contacts with the rebels would continue", "back channel contacts with the",
      U("a senior government official", "Colombia", "A senior government official, who spoke on condition of anonymity"), "told", "tell", subj=["ELN"]),
], [O("The pipeline runs 780 km from the Arauca oilfields to the Caribbean coast and has been attacked hundreds of times since the 1980s",
      "pipeline runs 780 km from", [Q(780, "km", "pipeline length")]),
    O("The talks, which began in 2022, had produced a six-month ceasefire that expired in August 2024", "produced a six month ceasefire",
      [Q(6, "months", "ceasefire")])])

# ------------------------------------------------------------------ 007 Caspian News Service (Caucasus)
arm = lambda m: S("Armenia", "organisation", "government", None, m)
aze = lambda m: S("Azerbaijan", "organisation", "government", None, m)
hak = lambda m: S("Armen Hakobyan", "person", "spokesman", "Armenian Ministry of Foreign Affairs", m)
euma = lambda m: S("European Union Monitoring Mission in Armenia", "organisation", None, "European Union", m, ["EUMA", "EU monitoring mission"])
gel = lambda m: S("Nino Gelashvili", "person", "analyst", "Caucasus Policy Institute", m)
armmod = S("Armenian Ministry of Defence", "organisation", None, None, "The Armenian defence ministry", ["Armenia", "Armenian defence ministry"])
article("007_armenia_azerbaijan_border.txt", "Caspian News Service (invented wire; double dateline)", "2025-10-03",
        "Dateline 'Oct 3'; year chosen by the author. Thursday = 2025-10-02, Monday = 2025-09-29, Sunday = 2025-09-28; 'last week' = 2025-09-22..28 -> 2025-09 (month).", [
    C(f"their border commissions would meet in Gabala later this month to continue delimiting their roughly 1,000{NB}km frontier", "border commissions would meet in",
      arm("Armenia and Azerbaijan"), "said", "say", q=[Q(1000, "km", "frontier", "about")], locs=["Gabala"], at="2025-10-02", note="Named co-sources: one claim each."),
    C(f"their border commissions would meet in Gabala later this month to continue delimiting their roughly 1,000{NB}km frontier", "border commissions would meet in",
      aze("Armenia and Azerbaijan"), "said", "say", q=[Q(1000, "km", "frontier", "about")], locs=["Gabala"], at="2025-10-02"),
    C("a shooting near the village of Tegh", "shooting near the village of", arm("Yerevan"), "blamed ... on", "blame", locs=["Tegh"], optional=True,
      note="Relative-clause attribution on a noun ('a shooting ... that Yerevan blamed on Azerbaijani troops'): optional."),
    C("a conscript had been wounded on Sunday when Azerbaijani positions opened fire with small arms", "conscript had been wounded on", armmod, "said", "say",
      q=[], note="'on Sunday' dates the shooting, not the statement: claimed_at null."),
    C("Armenian units had not returned fire", "Armenian units had not returned", armmod, "added", "add",
      note="A negative proposition asserted, not a reply: asserts (convention 6)."),
    C("Yerevan’s account of the incident", "Yerevan’s account of the incident", aze("Baku"), "rejected", "reject", stance="denies",
      note="'Baku' = Azerbaijan. No time in this sentence: null (the Monday statement follows but is made by the ministry)."),
    C("The Azerbaijani army did not open fire. This is a provocation designed to derail the peace process", "provocation designed to derail the",
      S("Azerbaijani Ministry of Defence", "organisation", None, None, "the Azerbaijani defence ministry", ["Azerbaijan", "Azerbaijani defence ministry"]),
      "said", "say", stance="denies", direct=True, at="2025-09-29", note="Negative reply to Armenia's account: denies."),
    C("the incident had not been independently verified", "had not been independently verified",
      hak("Armen Hakobyan, a spokesman for Armenia’s foreign ministry"), "acknowledged", "acknowledge"),
    C("Yerevan had “clear evidence” of where the shots came from", "clear evidence of where the", hak("Armen Hakobyan"), "insisted", "insist", direct_any=True),
    C("its patrols had heard gunfire in the area on Sunday afternoon", "patrols had heard gunfire in",
      euma("The European Union Monitoring Mission in Armenia (EUMA)"), "confirmed", "confirm"),
    C("it could not determine who fired first", "could not determine who fired", euma("The European Union Monitoring Mission in Armenia (EUMA)"),
      "said", "say"),
    C("The incident is unlikely to derail the process", "incident is unlikely to derail", gel("Nino Gelashvili, an analyst at the Caucasus Policy Institute in Tbilisi"),
      "said", "say", note="Inverted cue."),
    C("a peace treaty could still be signed “within a year”", "treaty could still be signed", gel("who"), "told", "tell", direct_any=True,
      note="Relative clause cue 'who told ...': its own claim."),
    C("Both capitals have invested too much in this. Neither side wants to be blamed for walking away", "capitals have invested too much",
      gel("she"), "said", "say", direct=True),
    C("the two sides had agreed on the text of 15 of the treaty’s 17 articles", "agreed on the text of",
      S("Elnur Mammadli", "person", "presidential aide for foreign policy", "Azerbaijan", "Azerbaijan’s presidential aide for foreign policy, Elnur Mammadli"),
      "told", "tell", q=[Q(15, "articles", "agreed"), Q(17, "articles", "treaty")], locs=["Baku"], at="2025-09",
      note="'last week' has no week precision; the whole week lies in September 2025: month."),
    C("Armenia remove a reference to Nagorno-Karabakh from its constitution", "remove a reference to Nagorno", aze("Azerbaijan"), "has long demanded",
      "demand", locs=["Nagorno-Karabakh"], optional=True, note="A demand: optional."),
    C("interference in our internal affairs", "interference in our internal affairs",
      U("Armenian officials", "Armenia", "Armenian officials", ["Armenia"]), "have described as", "describe", direct=True, optional=True,
      note="Characterisation of a noun in a relative clause: optional."),
    C("Azerbaijani media reports that Armenia was building new fortifications near Tegh", "building new fortifications near Tegh", hak("Hakobyan"),
      "denied", "deny", stance="denies", locs=["Tegh"]),
    C("only routine maintenance was under way", "only routine maintenance was under", hak("Hakobyan"), "saying", "say"),
], [O("The mission has about 200 unarmed observers deployed on the Armenian side of the border", "200 unarmed observers deployed on",
      [Q(200, "observers", "EUMA", "about")]),
    O("The two countries fought wars over the region in the 1990s and in 2020, and Azerbaijan retook the territory in a one-day offensive in September 2023",
      "fought wars over the region")])

# ------------------------------------------------------------------ 008 Dushanbe Digest (Central Asia)
gknb = lambda m: S("State Committee for National Security", "organisation", None, "Tajikistan", m, ["GKNB", "GKNB report", "Tajik GKNB"])
naz = lambda m: S("Rustam Nazarzoda", "person", "deputy chief of the Joint Staff", "CSTO", m)
article("008_tajikistan_border_csto.txt", "Dushanbe Digest (invented; regional news site, seed-like topic)", "2026-04-14",
        "Header date '14.04.2026'. Monday = 2026-04-13, Friday = 2026-04-10, Saturday = 2026-04-11; 'Earlier this month' = 2026-04.", [
    C("rise in incursions from Afghanistan", "rise in incursions from Afghanistan", S("Tajikistan", "organisation", "government", None, "Tajikistan",
      ["State Committee for National Security", "GKNB"]), "reports", "report", locs=["Afghanistan"], optional=True, note="Headline attribution: optional."),
    C(f"Tajik border guards recorded 34{NB}attempts to cross the Afghan frontier illegally in the first quarter of the year, nearly twice as many as a year earlier",
      "recorded 34 attempts to cross", gknb("the State Committee for National Security (GKNB)"), "said in a report", "say",
      q=[Q(34, "attempts", "illegal crossings")], locs=["Afghanistan", "Tajikistan"], at="2026-04-13", note="'nearly twice' is a ratio, not recorded."),
    C("at least nine of the intruders were armed and that two were members of Jamaat Ansarullah", "nine of the intruders were",
      gknb("The committee’s report"), "said", "say", subj=["Jamaat Ansarullah"], q=[Q(9, "intruders", "armed", "at least"), Q(2, "members", "Jamaat Ansarullah")],
      at="2026-04-13", note="'X's report said' = the same Monday report. The alias gloss ('a group Tajik officials also call the Tajik Taliban') is outside the content."),
    C("the “Tajik Taliban”", "the Tajik Taliban", U("Tajik officials", "Tajikistan"), "call", "call", subj=["Jamaat Ansarullah"], optional=True,
      note="Alias gloss, no proposition: optional."),
    C(f"the alliance would hold its “Rubezh-2026” exercises on the Tajik-Afghan border in September, involving up to 2,500{NB}troops",
      "exercises on the Tajik Afghan border", naz("Colonel General Rustam Nazarzoda, deputy chief of the CSTO Joint Staff"), "said", "say", direct_any=True,
      subj_opt=["CSTO"], q=[Q(2500, "troops", "exercise", "up to")], at="2026-04-10", note="The speaker's own alliance: optional subject."),
    C("Daesh fighters in northern Afghanistan have not disappeared. They have simply changed their tactics", "have simply changed their tactics",
      naz("Nazarzoda"), "said", "say", direct=True, subj=[ISKP_ALT], locs=["northern Afghanistan"], at="2026-04-10",
      note="'Daesh' placed in Afghanistan: ISKP (IS accepted as in the seeds)."),
    C("ISKP was recruiting Central Asian migrant workers in Russia through encrypted messaging apps", "recruiting Central Asian migrant workers",
      naz("Nazarzoda"), "adding", "add", subj=["ISKP"], locs=["Russia"], at="2026-04-10"),
    C("the number of ISKP fighters in Afghanistan at between 2,000 and 3,000", "number of ISKP fighters in Afghanistan", naz("He"), "estimated", "estimate",
      subj=["ISKP"], q=[Q(2000, "fighters", "ISKP", "at least"), Q(3000, "fighters", "ISKP", "up to")], locs=["Afghanistan"], at="2026-04-10"),
    C("the figure of up to 6,500", "figure of up to 6,500", U("CSTO officials", "CSTO", "CSTO officials", ["CSTO", "Anatoly Sidorov"]), "cited", "cite",
      subj=["ISKP"], q=[Q(6500, "fighters", "ISKP", "up to")], at="2023", optional=True,
      note="Back-reference to an earlier claim inside the outlet's comparison: optional. Attribution-conflict material with seeds 001/004."),
    C("the CSTO’s warnings as exaggerated", "CSTO’s warnings as exaggerated", S("Taliban", "organisation", None, None, "The Taliban"), "dismissed", "dismiss",
      stance="denies", subj=["CSTO"]),
    C("“no group is allowed to use the soil of Afghanistan against any country” and that Daesh had been “defeated and eliminated” in the north",
      "no group is allowed to", S("Abdul Qahar Sharifi", "person", "spokesman", "Taliban", "Their spokesman, Abdul Qahar Sharifi"), "wrote", "write",
      stance="denies", direct_any=True, subj=[ISKP_ALT], locs=["Afghanistan"],
      note="Coordinated content under one cue: one claim. Negative reply to the CSTO warnings: denies. Posted on X: channel, no via."),
    C("the Taliban had not responded to a request to hand over three suspects in a 2024 attack on a border post in Shamsiddin Shohin district",
      "had not responded to a request", S("Tajik Ministry of Foreign Affairs", "organisation", None, "Tajikistan", "Tajikistan’s foreign ministry",
                                          ["Tajikistan", "Tajik foreign ministry"]),
      "said", "say", subj=["Taliban"], q=[Q(3, "suspects", "requested extradition")], locs=["Shamsiddin Shohin district"], at="2026-04"),
    C("Taliban units had withdrawn from several posts opposite the Darvoz district", "units had withdrawn from several posts",
      U("a source in the Tajik border service", "Tajik border service", "A source in the Tajik border service, who spoke on condition of anonymity"),
      "told", "tell", subj=["Taliban"], locs=["Darvoz district"]),
    C("the last disputed sections of their 972-km frontier had now been demarcated and that two new crossing points would open in May",
      "last disputed sections of their", S("Tajikistan and Kyrgyzstan", "group", None, None, "both governments", ["Tajikistan", "Kyrgyzstan"]),
      "said", "say", q=[Q(972, "km", "frontier"), Q(2, "crossing points", "new")], at="2026-04-11",
      note="'both governments' = a group (convention 5)."),
    C("Experts are less optimistic about the Afghan frontier", "less optimistic about the Afghan", U("experts", mention="Experts"),
      "are less optimistic", "be pessimistic", optional=True, note="Mental state without a speech act: optional."),
    C("Drills are a signal, not a strategy. The border guards need helicopters and night-vision equipment, not another parade", "drills are a signal not",
      S("Farrukh Sharipov", "person", "security analyst", None, "Farrukh Sharipov, a Dushanbe-based security analyst"), "said", "say", direct=True),
], [O("Tajikistan shares a 1,357-km border with Afghanistan, much of it running through mountains and along the Panj river", "shares a 1,357 km border",
      [Q(1357, "km", "Tajik-Afghan border")]),
    O(f"A border conflict between the two countries in September 2022 killed about 100{NB}people", "border conflict between the two countries",
      [Q(100, "people", "killed", "about")])])

# ------------------------------------------------------------------ 009 Meridian Wire (cyber)
cgl = lambda m: S("Caspian Gateway Logistics", "organisation", None, None, m)
seit = lambda m: S("Daniyar Seitkali", "person", "chief executive", "Caspian Gateway Logistics", m)
ncirc = lambda m: S("National Cyber Incident Response Centre", "organisation", None, "Kazakhstan", m, ["NCIRC"])
bn = lambda m: S("Black Nimbus", "group", None, None, m)
mang = S("Mangystau regional transport department", "organisation", None, None, "the Mangystau regional transport department")
article("009_aktau_ransomware_wire.txt", "Meridian Wire (invented wire service; dateline story)", "2026-05-19",
        "Dateline 'ALMATY, May 19'; year chosen by the author. Monday = 2026-05-18; 'in January' = 2026-01.", [
    C("a ransomware attack had disrupted its booking and customs systems", "disrupted its booking and customs",
      cgl("Caspian Gateway Logistics"), "confirmed", "confirm", at="2026-05-18"),
    C("cargo handling had been switched to manual procedures", "switched to manual procedures", cgl("Caspian Gateway Logistics"), "said", "say", at="2026-05-18"),
    C("We detected unauthorised activity on Saturday night and immediately isolated the affected servers. There is no evidence at this stage that customer payment data was accessed",
      "detected unauthorised activity on Saturday", seit("the company’s chief executive, Daniyar Seitkali"), "said", "say", direct=True,
      at="2026-05-18", story="aktau-ceo-no-payment-data"),
    C("the attack bore the hallmarks of Black Nimbus", "attack bore the hallmarks of", ncirc("Kazakhstan’s National Cyber Incident Response Centre (NCIRC)"),
      "said", "say", subj=["Black Nimbus"], story="aktau-ncirc-black-nimbus",
      note="The apposition on Black Nimbus ('has hit at least 40 organisations ...') is outlet background: listed as an outlet statement."),
    C("other port operators to patch a flaw in widely used remote-access software", "patch a flaw in widely",
      ncirc("Kazakhstan’s National Cyber Incident Response Centre (NCIRC)"), "warned", "warn", optional=True,
      note="'warned X to do': an advisory/demand, optional."),
    C("to have stolen 1.2 terabytes of data, including passport scans of truck drivers", "passport scans of truck drivers", bn("Black Nimbus"),
      "claimed", "claim", subj_opt=["Black Nimbus"], q=[Q(1.2, "terabytes", "data stolen")], note="Leak site: the group's own channel."),
    C("drivers’ passport data had been stolen", "passport data had been stolen", seit("He"), "denied", "deny", stance="denies"),
    C("some internal email archives “may have been copied”", "internal email archives may have", seit("He"), "acknowledged", "acknowledge",
      direct_any=True, note="Hedged content inside the claim ('may have been'): still a claim."),
    C("The outage left more than 300 trucks queuing outside the terminal on Monday", "300 trucks queuing outside the", mang, "according to",
      "according to", q=[Q(300, "trucks", "queuing", "more than")], note="'on Monday' dates the queue, not the statement."),
    C(f"losses to shippers at about $1.5{NB}million a day", "losses to shippers at about", mang, "estimated", "estimate",
      q=[Q(1500000, "USD per day", "losses", "about")]),
    C("Ports are soft targets because every hour of downtime costs real money, and that is exactly what these gangs count on", "ports are soft targets because",
      S("Aigerim Tulegenova", "person", "researcher", "Steppe Security Lab", "Aigerim Tulegenova, a researcher at Steppe Security Lab in Astana"),
      "said", "say", direct=True),
    C("critical-infrastructure operators had reported 112 serious cyber incidents in 2025, up from 71 a year earlier", "112 serious cyber incidents in",
      S("Kazakh Ministry of Digital Development", "organisation", None, "Kazakhstan", "Kazakhstan’s digital development ministry",
        ["digital development ministry", "Kazakhstan"]), "said", "say", q=[Q(112, "incidents", "2025"), Q(71, "incidents", "2024")], at="2026-01"),
    C("investigators were examining whether the attackers had used credentials stolen from a contractor", "used credentials stolen from a",
      U("a person familiar with the investigation", mention="A person familiar with the investigation"), "said", "say"),
], [O("Black Nimbus, a ransomware group that has hit at least 40 organisations in Europe and Asia since 2024", "hit at least 40 organisations",
      [Q(40, "organisations", "hit by Black Nimbus", "at least")]),
    O("The port handled about 6 million tonnes of cargo last year, much of it on the trans-Caspian route linking China with Europe",
      "handled about 6 million tonnes", [Q(6000000, "tonnes", "cargo", "about")])])

# ------------------------------------------------------------------ 010 PortTech Insider (blog repost, cyber)
abenov = lambda m: S("Ruslan Abenov", "person", "head of threat intelligence", "Qorgan Cyber", m)
article("010_aktau_ransomware_blog.txt", "PortTech Insider (invented trade blog repost; Related links, share bar, tags, comment form)", "2026-05-21",
        "Post date 'May 21, 2026'. Wednesday = 2026-05-20.", [
    C("Black Nimbus behind attack", "Black Nimbus behind attack", ncirc("regulator"), "says", "say", subj=["Black Nimbus"], optional=True,
      note="Headline attribution: optional."),
    C("Caspian Gateway Logistics, the operator of two container terminals at Kazakhstan’s Aktau port, is still working on paper two days after a ransomware attack crippled its systems",
      "still working on paper two", cgl("the company"), "said", "say", locs=["Aktau"], at="2026-05-20",
      note="Inverted cue; the apposition is inside the span but is background."),
    C("there was “no evidence at this stage” that customer payment data had been accessed", "customer payment data had been",
      seit("Chief executive Daniyar Seitkali"), "was quoted by ... as saying", "quote", direct_any=True, via=["Meridian Wire"],
      story="aktau-ceo-no-payment-data", note="Relay through Meridian Wire (009's outlet): via. The text gives no date: claimed_at null, though 009 dates the same statement."),
    C("the intrusion bears the hallmarks of Black Nimbus", "intrusion bears the hallmarks of", ncirc("Kazakhstan’s National Cyber Incident Response Centre"),
      "according to", "according to", subj=["Black Nimbus"], story="aktau-ncirc-black-nimbus"),
    C("the group’s methods were well documented", "methods were well documented",
      abenov("Ruslan Abenov, head of threat intelligence at the Almaty firm Qorgan Cyber"), "said", "say", subj=["Black Nimbus"]),
    C("Black Nimbus typically gets in through unpatched VPN appliances and moves laterally for days before it encrypts anything. In our experience it almost always publishes stolen data if a victim refuses to negotiate.\n“Victims who pay are not safe either. We have seen the same company hit twice in six months",
      "gets in through unpatched VPN", abenov("he"), "said", "say", direct=True, subj=["Black Nimbus"],
      note="A quote spanning two paragraphs (first paragraph left open, as outlets do) under one cue at its end: one claim covering both."),
    C("it would start publishing the data on Sunday unless it was paid", "start publishing the data on", bn("The gang"), "said", "say",
      subj_opt=["Black Nimbus"]),
    C("container dwell times at Aktau had risen from two days to as many as nine since the attack", "container dwell times at Aktau",
      U("shipping agents", mention="Shipping agents"), "told", "tell", q=[Q(2, "days", "dwell time before"), Q(9, "days", "dwell time now", "up to")],
      locs=["Aktau"]),
    C("it had been notified of a claim", "notified of a claim", S("Steppe Re", "organisation", "insurer", None, "The company’s insurer, Steppe Re"),
      "confirmed", "confirm", at="2026-05-20"),
    C("critical-infrastructure incidents rose sharply in 2025", "infrastructure incidents rose sharply in", ncirc("NCIRC"), "says", "say", optional=True,
      note="'Related:' link headline: optional."),
], [O("Black Nimbus, a gang that first surfaced in 2024", "gang that first surfaced in"),
    O("Kazakhstan’s ports handled 9.4 million tonnes of cargo in 2025", "ports handled 9.4 million tonnes",
      [Q(9400000, "tonnes", "cargo")])])

# ------------------------------------------------------------------ 011 Coast Daily Monitor (election dispute)
iebc = S("Independent Electoral and Boundaries Commission", "organisation", None, None, "The Independent Electoral and Boundaries Commission (IEBC)", ["IEBC"])
wan = lambda m: S("Faith Achieng Wanjala", "person", "opposition candidate", None, m)
kar = lambda m: S("Grace Nduta Kariuki", "person", "returning officer", "Independent Electoral and Boundaries Commission", m)
cew = lambda m: S("Coast Election Watch", "organisation", None, None, m, ["CEW"])
camp = S("Wanjala campaign", "organisation", None, None, "Her campaign", ["Faith Achieng Wanjala", "Wanjala"])
article("011_kenya_mombasa_byelection.txt", "Coast Daily Monitor (invented; regional newspaper site)", "2025-12-08",
        "Header date 'Monday, December 8, 2025'. Saturday = 2025-12-06, Sunday = 2025-12-07, 'Last month' = 2025-11.", [
    C("opposition rejects result", "opposition rejects result", dict(camp, mention="opposition"), "rejects", "reject", stance="denies", optional=True,
      note="Headline attribution: optional; span includes source and cue because the content is one word."),
    C("alleges ballot stuffing", "alleges ballot stuffing", dict(camp, mention="opposition"), "alleges", "allege", optional=True,
      note="Headline attribution: optional; span includes the cue because the content is two words."),
    C("Salim Abdalla Mwinyi of the ruling coalition the winner of the Mombasa governorship by-election with 50.8% of the vote, against 46.1% for opposition candidate Faith Achieng Wanjala",
      "winner of the Mombasa governorship", iebc, "declared", "declare", q=[Q(50.8, "percent", "Mwinyi vote share"), Q(46.1, "percent", "Wanjala vote share")],
      locs=["Mombasa"], at="2025-12-06"),
    C("turnout was about 41%", "turnout was about 41", dict(iebc, mention="It"), "said", "say", q=[Q(41, "percent", "turnout", "about")], at="2025-12-06"),
    C("the declared result", "the declared result", wan("Wanjala"), "rejected", "reject", stance="denies", at="2025-12-06",
      note="'within hours' of the Saturday declaration, and she spoke on Saturday night: 2025-12-06."),
    C("We will not accept a stolen election. We have evidence from our own agents, and we will take it to court", "not accept a stolen election",
      wan("she"), "told", "tell", direct=True, at="2025-12-06",
      note="A refusal and a plan, not the negation of someone's proposition: asserts (debatable)."),
    C("ballot boxes had been stuffed in at least 11 of the county’s 934 polling stations", "ballot boxes had been stuffed", camp, "alleged", "allege",
      q=[Q(11, "polling stations", "alleged stuffing", "at least"), Q(934, "polling stations", "in the county")]),
    C("its agents had been expelled from tallying centres in Changamwe and Jomvu", "expelled from tallying centres in", dict(camp, mention="Her campaign"),
      "claimed", "claim", locs=["Changamwe", "Jomvu"]),
    C("the allegations as “baseless”", "the allegations as baseless",
      kar("The commission’s returning officer, Grace Nduta Kariuki"), "dismissed", "dismiss", stance="denies", direct_any=True),
    C("the results had been signed by agents of all parties at every polling station", "signed by agents of all", kar("Grace Nduta Kariuki"), "said", "say"),
    C("23 people had been arrested after protests in Mombasa’s Old Town on Sunday, and that two officers had been injured by stones",
      "23 people had been arrested", U("police", "Kenya Police Service", "Police", ["Kenya Police Service", "Kenya Police"]), "said", "say",
      q=[Q(23, "people", "arrested"), Q(2, "officers", "injured")], locs=["Mombasa", "Old Town"], note="'on Sunday' dates the protests; statement undated."),
    C("“isolated irregularities” at several polling stations", "isolated irregularities at several",
      cew("Coast Election Watch (CEW), a civil-society monitor"), "noted", "note", direct_any=True, at="2025-12-07"),
    C("they were not enough to change the outcome", "not enough to change the", cew("Coast Election Watch (CEW)"), "said", "say", at="2025-12-07"),
    C("Its own parallel tally put Mwinyi’s share at between 49.5% and 52.1%", "parallel tally put Mwinyi’s share", cew("it"), "said", "say",
      q=[Q(49.5, "percent", "Mwinyi share", "at least"), Q(52.1, "percent", "Mwinyi share", "up to")],
      note="Cue at the end of the sentence ('..., it said'). Not tied to the Sunday statement by the text: claimed_at null."),
    C("the opposition would “not sit quietly” if it believed the vote had been rigged", "not sit quietly if it",
      S("Tom Otieno", "person", "campaign manager", "Wanjala campaign", "Wanjala’s campaign manager, Tom Otieno"), "warned", "warn",
      direct_any=True, at="2025-11"),
    C("the election had been “free, fair and peaceful”", "free fair and peaceful", S("Salim Abdalla Mwinyi", "person", "governor-elect", None, "Mwinyi"),
      "said", "say", direct_any=True),
    C("his rival to concede", "his rival to concede", S("Salim Abdalla Mwinyi", "person", "governor-elect", None, "Mwinyi"), "urged", "urge",
      optional=True, note="A demand: optional."),
    C("Opposition figures are reportedly preparing to file one this week", "preparing to file one this", U("reportedly"), "reportedly", "report",
      optional=True, note="Hedge without a source: optional."),
], [O("Under Kenya’s constitution, a petition challenging the result must be filed within 28 days of the declaration", "filed within 28 days of",
      [Q(28, "days", "petition deadline")])])

# ------------------------------------------------------------------ 012 Copperbelt Business Daily (earnings, strike)
zch = lambda m: S("Zambezi Copper Holdings", "organisation", None, None, m, ["Zambezi Copper"])
zulu = lambda m: S("Martin Zulu", "person", "chief executive", "Zambezi Copper Holdings", m)
cmu = lambda m: S("Copperbelt Mineworkers Union", "organisation", None, None, m, ["CMU"])
mumba = lambda m: S("Natasha Mumba", "person", "spokeswoman", "Zambezi Copper Holdings", m)
article("012_zambezi_copper_strike.txt", "Copperbelt Business Daily (invented business wire; dateline story)", "2026-06-30",
        "Dateline 'LUSAKA, June 30'; year chosen by the author. Tuesday = 2026-06-30; 'In January' = 2026-01; 'Last year' = 2025.", [
    C(f"a 38% fall in half-year profit to $412{NB}million", "fall in half year profit", zch("Zambezi Copper Holdings"), "reported", "report",
      q=[Q(38, "percent", "profit fall"), Q(412000000, "USD", "half-year profit")], at="2026-06-30"),
    C("lower copper prices and power rationing", "lower copper prices and power", zch("Zambezi Copper Holdings"), "citing", "cite", at="2026-06-30",
      note="Second cue in the sentence ('citing'): its own claim."),
    C("a strike at three mines", "a strike at three mines", cmu("its largest union"), "announced", "announce", q=[Q(3, "mines", "strike")],
      optional=True, note="Announcement of an action rather than a proposition: optional."),
    C("This was a difficult six months for the entire industry. We produced more copper than a year ago, but we were paid less for every tonne of it",
      "difficult six months for the", zulu("chief executive Martin Zulu"), "told", "tell", direct=True, at="2026-06-30"),
    C("the company expected output of between 190,000 and 205,000 tonnes this year and would cut capital spending by nearly $90 million",
      "expected output of between 190,000", S("Esther Mwale", "person", "chief financial officer", "Zambezi Copper Holdings",
                                             "Chief financial officer Esther Mwale"), "added", "add",
      q=[Q(190000, "tonnes", "output", "at least"), Q(205000, "tonnes", "output", "up to"), Q(90000000, "USD", "capex cut", "about")], at="2026-06-30",
      note="'on the same call': the Tuesday occasion."),
    C("as many as 9,000 workers would down tools from Thursday after talks on a 12% pay rise broke down", "9,000 workers would down tools",
      cmu("The Copperbelt Mineworkers Union (CMU)"), "said", "say", q=[Q(9000, "workers", "strikers", "up to"), Q(12, "percent", "pay rise demanded")],
      note="'from Thursday' dates the strike; the statement is undated."),
    C("the company was planning to cut 2,000 jobs at its Nchanga operations and “hiding it behind the word restructuring”", "planning to cut 2,000 jobs",
      S("Joseph Chanda", "person", "general secretary", "Copperbelt Mineworkers Union", "Union general secretary Joseph Chanda"), "alleged", "allege",
      direct_any=True, q=[Q(2000, "jobs", "cuts")], locs=["Nchanga"]),
    C("any job cuts were planned", "any job cuts were planned", mumba("A company spokeswoman, Natasha Mumba"), "denied", "deny", stance="denies"),
    C("There is no retrenchment programme. We have said this to the union repeatedly", "there is no retrenchment programme", mumba("she"), "said", "say",
      stance="denies", direct=True, note="Negative reply to the union's allegation: denies."),
    C("it had invited both sides to talks on Wednesday", "invited both sides to talks",
      S("Zambian Ministry of Labour", "organisation", None, "Zambia", "The labour ministry", ["labour ministry", "Zambia"]), "said", "say"),
    C("workers to respect the law on essential services", "respect the law on essential",
      S("Zambian Ministry of Labour", "organisation", None, "Zambia", "The labour ministry", ["labour ministry", "Zambia"]), "urged", "urge",
      optional=True, note="A demand: optional."),
    C("a two-week stoppage would cost the company more than $60 million in lost sales", "two week stoppage would cost",
      U("analysts", "Kafue Capital", "Analysts at the Lusaka-based brokerage Kafue Capital", ["Kafue Capital"]), "estimated", "estimate",
      q=[Q(60000000, "USD", "lost sales", "more than")]),
    C("a plan to double production by 2031", "a plan to double production", zulu("Zulu"), "announced", "announce", at="2026-01"),
    C("still realistic, if ambitious", "still realistic if ambitious", zulu("he"), "described on Tuesday as", "describe", direct=True, at="2026-06-30",
      note="Relative clause on 'a target': debatable but carries a quoted proposition and its own date."),
    C("about two dozen workers had been injured in a rockfall at Nchanga", "injured in a rockfall at", cmu("the union"), "said", "say", locs=["Nchanga"],
      at="2025", note="'about two dozen' is vague: no quantity."),
    C("the company of ignoring safety warnings", "company of ignoring safety warnings", cmu("the union"), "accused", "accuse", at="2025"),
    C("a charge the company rejected", "a charge the company rejected", zch("the company"), "rejected", "reject", stance="denies", optional=True,
      note="Denial expressed in a relative clause with no content of its own: optional."),
], [O("Zambezi Copper profit slumps 38% as union calls strike", "profit slumps 38 as union", [Q(38, "percent", "profit fall")]),
    O("Zambia is Africa’s second-largest copper producer and the metal accounts for about 70% of its export earnings", "accounts for about 70 of",
      [Q(70, "percent", "export earnings", "about")]),
    O("Zambezi Copper’s shares fell 6.2% in Johannesburg after the results", "shares fell 6.2 in Johannesburg", [Q(6.2, "percent", "share price fall")])])


def build():
    # the seed inventory is copied unchanged (same ids and aliases), then extended
    seed = json.load(open(os.path.join(os.environ.get("CLAIMTRAIL_SHARED", "/work/shared"), "eval", "seeds.gold.json"), encoding="utf-8"))
    entities = dict(seed["entities"])
    entities.update({
        "JNIM": ["JNIM", "Jama’at Nusrat al-Islam wal-Muslimin", "Jamaat Nusrat al-Islam wal-Muslimin", "Jama'at Nusrat al-Islam wal-Muslimin",
                 "Group for the Support of Islam and Muslims", "GSIM"],
        "Al-Shabaab": ["Al-Shabaab", "al-Shabaab", "Al Shabaab", "al-Shabab", "Al-Shabab", "Harakat al-Shabaab al-Mujahideen", "Shabaab"],
        "HTS": ["HTS", "Hayat Tahrir al-Sham", "Hay'at Tahrir al-Sham", "Hayat Tahrir al Sham", "Tahrir al-Sham"],
        "ELN": ["ELN", "National Liberation Army", "Ejército de Liberación Nacional", "Ejercito de Liberacion Nacional"],
        "EMC": ["EMC", "Estado Mayor Central", "Central General Staff", "FARC dissidents", "FARC-EMC"],
        "Arakan Army": ["Arakan Army", "AA", "Arakha Army"],
        "Black Nimbus": ["Black Nimbus", "Black Nimbus ransomware group", "Black Nimbus gang"],
    })
    source_aliases = {
        "Malian army": ["Malian Armed Forces", "FAMa", "Mali army"],
        "Somali Ministry of Health": ["Somalia's health ministry", "Somalia’s health ministry", "Ministry of Health", "health ministry"],
        "World Health Organization": ["WHO", "World Health Organisation"],
        "United Nations": ["UN", "U.N."],
        "Syrian Democratic Forces": ["SDF"],
        "Myanmar military government": ["Myanmar junta", "junta", "Myanmar military", "Tatmadaw", "State Administration Council"],
        "ELN": ["National Liberation Army", "Ejército de Liberación Nacional"],
        "Azerbaijan": ["Baku", "Azerbaijani government"],
        "Armenia": ["Yerevan", "Armenian government"],
        "European Union Monitoring Mission in Armenia": ["EUMA", "EU Monitoring Mission in Armenia", "EU monitoring mission"],
        "State Committee for National Security": ["GKNB", "Tajik State Committee for National Security"],
        "Taliban": ["the Taliban", "Taliban government", "Islamic Emirate of Afghanistan"],
        "National Cyber Incident Response Centre": ["NCIRC", "National Cyber Incident Response Center"],
        "Independent Electoral and Boundaries Commission": ["IEBC"],
        "Coast Election Watch": ["CEW"],
        "Copperbelt Mineworkers Union": ["CMU"],
        "Zambezi Copper Holdings": ["Zambezi Copper"],
        "Meridian Wire": [], "SONNA": ["Somali National News Agency"], "INA": ["Iraqi News Agency"],
    }
    out_articles, problems = [], []
    for a in ARTICLES:
        text = open(os.path.join(ART, a["id"]), encoding="utf-8").read()

        def span(s, occ, label):
            idx, pos = [], text.find(s)
            while pos >= 0:
                idx.append(pos)
                pos = text.find(s, pos + 1)
            if not idx:
                problems.append(f"{a['id']}#{label}: content not found: {s[:60]!r}")
                return None
            if len(idx) > 1 and occ == 0 and False:
                pass
            return idx[occ]

        claims = []
        for n, c in enumerate(a["claims"], 1):
            cid = f"c{n:02d}"
            st = span(c["content"], c["occ"], cid)
            if st is None:
                continue
            d = {"id": cid, "locator": c["loc"],
                 "content": {"text": c["content"], "start": st, "end": st + len(c["content"])},
                 "source": c["src"], "cue": c["cue"], "cue_lemma": c["lemma"], "stance": c["stance"], "direct": c["direct"]}
            if c["direct_any"]:
                d["direct_any"] = True
            d["subjects"] = c["subj"]
            if c["subj_opt"]:
                d["subjects_optional"] = c["subj_opt"]
            d.update({"quantities": c["q"], "locations": c["locs"], "claimed_at": c["at"], "via": c["via"], "story": c["story"]})
            if c["optional"]:
                d["optional"] = True
            if c["note"]:
                d["note"] = c["note"]
            claims.append(d)
        outs = []
        for n, o in enumerate(a["outlets"], 1):
            st = span(o["text"], 0, f"o{n:02d}")
            if st is None:
                continue
            outs.append({"id": f"o{n:02d}", "locator": o["loc"], "text": o["text"], "start": st, "end": st + len(o["text"]), "quantities": o["q"]})
        out_articles.append({"id": a["id"], "outlet": a["outlet"],
                             "published_at": {"value": a["published"], "precision": "day", "inferred": False, "basis": a["basis"]},
                             "claims": claims, "outlet_statements": outs})
    stories = {
        "mali-boni-toll": "Malian army / spokesman Souleymane Diarra, state-television statement of Tuesday 3 March 2026: up to 40 soldiers killed near Boni (001 'the army said', 002 'Diarra ... to announce').",
        "mali-boni-fightback": "Diarra, same statement: the troops fought back for more than three hours (001 direct quote, 002 indirect 'told viewers').",
        "aktau-ceo-no-payment-data": "Daniyar Seitkali (Caspian Gateway Logistics), statement of Monday 18 May 2026: no evidence that customer payment data was accessed (009 direct, 010 via Meridian Wire, undated there).",
        "aktau-ncirc-black-nimbus": "Kazakhstan's NCIRC: the Aktau attack bears the hallmarks of Black Nimbus (009 'said', 010 'according to').",
    }
    def ref(aid, locator, source=None):
        """Refer to a claim by article, locator and (if the locator is shared) source name, not by its number."""
        art = next(a for a in out_articles if a["id"].startswith(aid))
        hits = [c for c in art["claims"] if c["locator"] == locator and (source is None or c["source"]["name"] == source)]
        if len(hits) != 1:
            problems.append(f"relation reference {aid} {locator!r} {source!r} resolves to {len(hits)} claims")
            return f"{art['id']}#?"
        return f"{art['id']}#{hits[0]['id']}"

    relations = {
        "attribution_conflicts": [
            {"description": "ISKP strength: Nazarzoda's 2,000-3,000 (008) against the up-to-6,500 figure that CSTO officials cited in 2023 (in the seeds: Sidorov; Bortnikov in 000).",
             "claims": [ref("008", "number of ISKP fighters in Afghanistan"), ref("008", "figure of up to 6,500")]},
            {"description": "Boni death toll: the army's up to 40 (001, 002) against JNIM's 53 (002).",
             "claims": [ref("001", "ambushed a supply convoy near"), ref("002", "40 soldiers had died near"), ref("002", "53 soldiers had been killed")]}],
        "contradictions": [
            {"description": "JNIM says it seized two armoured vehicles; Diarra dismisses it and says no vehicle was lost.",
             "claims": [ref("001", "fighters had seized weapons and"), ref("001", "claim that it had captured"), ref("001", "no vehicle had been lost")]},
            {"description": "Mali and Niger: the attackers came from the Burkina Faso border zone; Burkina Faso rejects it.",
             "claims": [ref("001", "attackers had crossed from the border", "Mali"), ref("001", "attackers had crossed from the border", "Niger"),
                        ref("002", "suggestion that the attackers came"), ref("002", "not a rear base for")]},
            {"description": "Armenia: Azerbaijani positions opened fire; Azerbaijan's defence ministry: the army did not open fire.",
             "claims": [ref("007", "conscript had been wounded on"), ref("007", "Yerevan’s account of the incident"), ref("007", "provocation designed to derail the")]},
            {"description": "CSTO/Nazarzoda: Daesh fighters have not disappeared; the Taliban: Daesh defeated and eliminated.",
             "claims": [ref("008", "have simply changed their tactics"), ref("008", "CSTO’s warnings as exaggerated"), ref("008", "no group is allowed to")]},
            {"description": "Union: 2,000 job cuts planned; company: no job cuts planned.",
             "claims": [ref("012", "planning to cut 2,000 jobs"), ref("012", "any job cuts were planned"), ref("012", "there is no retrenchment programme")]},
            {"description": "Black Nimbus claims passport scans were stolen; Seitkali denies it.",
             "claims": [ref("009", "passport scans of truck drivers"), ref("009", "passport data had been stolen")]}]}
    gold = {"version": 1,
            "description": "Held-out gold set: every attributed claim in the twelve held-out articles (eval/heldout/articles), written for this set and annotated per shared/spec/claims.md and shared/eval/README.md conventions, blind to the extractor. See eval/heldout/README.md.",
            "offsets": "content.start/end and outlet statement start/end are Python code-point offsets into the article file decoded as UTF-8.",
            "articles": out_articles, "stories": stories, "relations": relations, "entities": entities, "source_aliases": source_aliases}
    if problems:
        print("build problems:\n  " + "\n  ".join(problems))
        sys.exit(1)
    with open(os.path.join(HERE, "heldout.gold.json"), "w", encoding="utf-8") as f:
        json.dump(gold, f, ensure_ascii=False, indent=1)
        f.write("\n")
    n = sum(len(a["claims"]) for a in out_articles)
    opt = sum(1 for a in out_articles for c in a["claims"] if c.get("optional"))
    print(f"wrote heldout.gold.json: {len(out_articles)} articles, {n - opt} scored claims, {opt} optional, "
          f"{sum(len(a['outlet_statements']) for a in out_articles)} outlet statements, {len(stories)} stories")
    for a in out_articles:
        print(f"  {a['id']}: {sum(1 for c in a['claims'] if not c.get('optional'))} scored + {sum(1 for c in a['claims'] if c.get('optional'))} optional")


if __name__ == "__main__":
    build()
