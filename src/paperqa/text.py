"""Text utilities shared by retrieval and the writers: terms, stems, sentences, token counts."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

import Stemmer
from llama_index.core.utils import get_tokenizer

STOPWORDS = frozenset(
    """
a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing done down during each either few for from further had
has have having he her here hers herself him himself his how i if in into is it its itself just let me
might more most much must my myself no nor not now of off on once only or other our ours ourselves out
over own per same shall she should so some such than that the their theirs them themselves then there
these they this those through thus to too under until up upon us very via was we were what when where
whether which while who whom whose why will with within without would yet you your yours yourself
e g i.e eg ie etc vs using use used uses based paper papers work works study studies approach approaches
method methods propose proposed proposes show shows shown present presents new novel also however
collection corpus covered cover covers describe described discuss discussed tell say says said
don doesn didn isn aren wasn weren wouldn shouldn couldn hasn haven hadn mustn needn ll ve
dont doesnt didnt isnt arent wasnt werent
""".split()  # the last lines: what is left of "don't", "we've", "they'll" once the apostrophe splits them, or
    # them typed without it ("which dont?")
)

_TERM = re.compile(r"[0-9a-z]+(?:[.][0-9]+)?")
_stemmer = Stemmer.Stemmer("english")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Snowball stem of one lower-case word (cached: vocabularies repeat)."""
    return str(_stemmer.stemWord(word))


# What follows a name in a later version of it: "ColBERTv2", "YOLOv8n", "Qwen2.5", "SPLADE++", "GPT-4".
VERSION = re.compile(r"-?v?\d[\w.]*|\+\+")

# The words a question uses for papers ("papers from Amazon", "2024 studies", "3 works on X", "the latest research").
PAPERS = r"(?:papers?|works?|stud(?:y|ies)|research|articles?|publications?)"
# Counts a question writes as words ("two latest papers", "the first three", "the past two years").
# Words that open instances of what was just named ("…, for example compressing it", "e.g. tokens"), as a pattern
EXAMPLE_LINKER = r"(?:for example|for instance|e\.g\.)(?!\w)"
NUMBER_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def count_of(word: str) -> int:
    """A count written in digits or as a word up to ten ("3", "three")."""
    return int(word) if word.isdigit() else NUMBER_WORDS.index(word.casefold()) + 1


def without(text: str, start: int, end: int) -> str:
    """A text with `text[start:end]` taken out and its spaces tidied (a question without the words that said a
    year, an order or an organisation)."""
    return " ".join(f"{text[:start]} {text[end:]}".split())


def _content_words(text: str) -> list[str]:
    """A text's words in lower case, stop words and single letters dropped, numbers kept."""
    return [w for w in _TERM.findall(text.casefold()) if w not in STOPWORDS and (len(w) > 1 or w.isdigit())]


def terms(text: str) -> list[str]:
    """Stemmed content terms of a text: lower case, stop words dropped, numbers kept."""
    return [stem(w) for w in _content_words(text)]


# A reader asking for a field's papers, or to be pointed to them: "the literature on X", "recent advances in X" (not
# "scientific literature", a subject), "what do we know about X", "point me to work on X". A question saying so asks
# for a list (`answer.shapes`), and these words name no subject of it (`_CONNECTIVE`).
FIELD_ASKED = (
    r"(?:recent\s+)?(?:literature|landscape|progress|advances|developments)(?:\s+(?:has|have)\s+been\s+made)?"
    r"\s+(?:on|about|of|in)|what\s+(?:(?:do|does)\s+(?:we|you|researchers|people)\s+know|is\s+known)\s+about"
    r"|point\s+(?:me|us)\s+(?:to|at|towards)"
)
# Phrases linking an abstract's sentences, whose words name no subject ("In contrast" is no "contrastive" learning,
# "for instance" no instance segmentation, "in order to" no "Order Matters"), and a reader's phrases around what they
# ask (`FIELD_ASKED`), which an abstract rarely writes and then names no subject by either.
_CONNECTIVE = re.compile(
    # Each phrase opens with a word starting with one of these letters (a new phrase adds its own): looked for
    # first, the alternation is tried at few places (trying it at every word was over half of `prose_terms`' time)
    r"(?<!\w)(?=[abcdfhiloprstw])"
    r"(?:(?:in|by) contrast|for (?:instance|example)|in terms of|in order to|in addition|in particular|in fact|"
    rf"(?:followed|preceded) by|{FIELD_ASKED}|the field of|"
    # who asks, and what they will do with the papers: "how do people X", "papers I should cite for X"
    r"how do (?:people|researchers|practitioners|folks)|(?:should|to|could) cite|"
    r"(?:read|see) to understand|"  # "Which paper should I read to understand ColBERT-XM?"
    r"(?:are|is|was|were) responsible for|"  # "what attention heads are responsible for": what they do
    r"on the other hand|(?:this|which|that) contrasts (?:sharply |starkly )?with)\b",
    re.IGNORECASE,
)


# "(e.g. predicting a sentence's surrounding passage)": examples of what a question asks about, whose words a paper
# on it need not hold; an abstract's "(texts, images, speech, etc.)" is no paper on speech. Bounded; one parenthesis
# each.
_EXAMPLES_GIVEN = re.compile(
    r"\((?:(?:e\.g\.|i\.e\.|such as|for example|for instance|like)[^()]{0,300}|[^()]{0,300},\s*etc\.?)\)", re.IGNORECASE
)  # ... or "(texts, images, speech, etc.)"


# "learned sparse retrieval like SPLADE", "methods such as ROME and MEMIT": named examples of the kind asked about,
# not the paper asked about ("is X like Y?", "SPLADE like ColBERT" compare them). A name has a capital or digit
# after its first letter. Bounded.
_NAMED_EXAMPLES = re.compile(
    r"(?<!\bis )(?<!\bare )(?<!\bwas )(?<!\bbe )(?<!\blooks )(?<!\bworks )"
    r"(?:(?<=[a-z] )like|\bsuch as|\be\.g\.,?|\bincluding)\s+(?:[A-Z][\w-]{0,30}[A-Z0-9][\w-]{0,30})"
    r"(?:(?:\s*,\s*|\s+)(?:(?:and|or)\s+)?[A-Z][\w-]{0,30}[A-Z0-9][\w-]{0,30}){0,5}"
    r"|\b[A-Z][A-Za-z0-9]{0,30}[A-Z0-9][A-Za-z0-9]{0,30}-(?:style|like)\b"  # "SPLADE-style embeddings": a kind
)


# Several languages at once ("many languages", "157 languages", "300+ languages"): what "multilingual" names, said
# in other words; a question and an abstract saying it either way are read as saying both ("how many languages"
# asks a count). Bounded.
_SEVERAL_LANGUAGES = re.compile(
    r"\b(?:(?<!how )many|multiple|several|different|various|numerous|diverse|dozens of|hundreds of|thousands of"
    r"|\d[\d,]{0,9}\+?)\s+(?:natural\s+|human\s+|spoken\s+|world\s+)?languages\b",
    re.IGNORECASE,
)


def multilingual_said(text: str) -> str:
    """A text with "multilingual" after each phrase naming several languages ("157 languages multilingual")."""
    if "anguages" not in text and "ANGUAGES" not in text:  # (every abstract sentence is read through this)
        return text
    return _SEVERAL_LANGUAGES.sub(r"\g<0> multilingual", text)


def examples_removed(text: str) -> str:
    """A question without the examples it gives in parentheses ("(e.g. …)")."""
    return " ".join(_EXAMPLES_GIVEN.sub(" ", text).split())


@lru_cache(maxsize=1024)  # asked once per retrieved paper (`relevance.match`)
def named_examples_removed(text: str) -> str:
    """A question without the names it gives as examples ("like SPLADE"): no paper it asks about, though a paper
    mentioning them may well answer it ("techniques like DPR, ANCE and DeepCT")."""
    return " ".join(_NAMED_EXAMPLES.sub(" ", examples_removed(text)).split())


# A share asked for ("what proportion of heads …"): a figure, as "how many" is, whose noun no abstract need write
# ("can a large fraction of a dataset be pruned?" names the pruned data: a share not asked for)
_SHARE_OF = re.compile(
    r"\b(?:what|which|how (?:large|big|small) an?)\s+(?:share|proportion|fraction|percentage)\s+of\b", re.IGNORECASE
)


def connectives_removed(text: str) -> str:
    """A question without its linking phrases ("for example", "in contrast") or the share it asks for ("what
    fraction of"), whose words name no subject."""
    return " ".join(_SHARE_OF.sub(" what ", _CONNECTIVE.sub(" ", text)).split())


def prose_terms(text: str) -> list[str]:
    """`terms` of an abstract's prose, the words of its linking phrases left out (what a paper is about)."""
    return list(_prose_terms(text))


@lru_cache(maxsize=32768)  # a paper's sentences are read by several of the writer's rooms: each once (3x fewer)
def _prose_terms(text: str) -> tuple[str, ...]:
    return tuple(terms(_CONNECTIVE.sub(" ", text)))  # `terms` splits words itself: no spacing to tidy


# Words that frame a question rather than name its subject.
FRAME = frozenset(
    terms(
        "which what how does do is are there any paper papers work approach approaches method methods technique "
        "techniques model models propose proposed study studies examine examines argue address addresses focus "
        "focuses covered collection corpus say says compare compared achieve achieves improve improves "
        "evaluate evaluated evaluation result results performance better best good large language llm llms "
        "data dataset datasets train training task tasks learning neural network networks deep based new "
        "way ways kind kinds type types effect effects use used help helps make makes made show shows find "
        "finds found much many well instead rather versus test tests related relate relation describe described "
        "please thanks thank hello hi hey kindly cheers list lists give enumerate "  # "Please list …", "Hi, which …"
        "summarize summarise summary overview explain tell tl dr tldr "  # "Summarize the paper on late chunking"
        "published author authors "  # "What was published on retrieval …?", "what did the authors of X use?"
        "according apply applies applied applying "  # "… according to the corpus", "Which papers apply X to Y?"
        "ask asks asked asking "  # "Which papers ask what language a model works in?": as "study" frames
        "investigate investigates investigated investigating explore explores explored exploring discuss discusses "
        "discussed discussing tackle tackles tackled tackling consider considers considered "
        "considering cover covers attempt attempts attempted attempting aim aims aimed aiming seek seeks seeking "
        "concern concerns concerned concerning regarding "  # "Which papers tackle X?", "… discuss X", "… concerning X"
        "seminal happening known "  # "seminal papers on X", "what is happening in X?", "what is known about X?"
        "analyse analyses analysed analysing analyze analyzes analyzed analyzing "  # "propose or analyse X"
        "particular certain one first last differ differs difference differences "
        "inside across among amongst beyond toward towards onto throughout besides beside outside "  # where, not what
        "around "  # "without keeping old data around": where it is kept, not what
        # A researcher's own framing: "I'm working on X; which papers should I read?", "what are my options?"
        "working worked read reading need needs needed option options want wanted looking trying advice tips "
        "ideas suggestions interested im "
        "anything something everything anyone someone stuff else thing things "  # "Is there anything on irony?",
        # "Which papers replace attention with something else?", "making models forget things"
        "big "  # "How big is the USPTO-3M dataset?" asks a size (no abstract of the corpus says "big")
        "hot trending exciting "  # "What's hot in 2026?": the newest papers, no topic
        "came come comes appeared "  # "Which papers came out in 2025 on unlearning?": when, not what
        "invent invents invented coined "  # "who invented pointer networks?": its origin (the paper naming it)
        "together "  # "knowledge graphs and LLMs together": both, as "and" says
        "let lets letting "  # "… while still letting it understand it?": what is kept, said in what follows
        "start starting begin beginner beginners intro introductory "  # "a paper to start with on retrieval"
        "whats wat deal "  # "whats the deal with matryoshka embeddings" (typed without its apostrophe), "wat is X"
        "stand stands "  # "What does RSQ stand for?": the name's words asked, no subject
        "see "  # "…? see www.example.org": pointing at what was pasted
        "still even already really actually ever never always usually "  # "do they still work when …": when, not what
        "research area areas "  # "What research is there on hashing?", "surveys of an area": papers, as "work" is
        "several various numerous every neither "  # "predict several future tokens": how many, as "many" is, not what
        "get gets got getting "  # "How do MoE models get upcycled?": a light verb, the word after it says what
        "hurt hurts hurting "  # "does pruning hurt it?": as "help" does, what it does to it is asked after
        "level levels "  # "document-level ranking": the document is what it is of ("passage-level", "token-level")
        "specific "  # "finance-specific retrieval": as "-level", finance is what it is of (no paper says "specific")
    )
)


# A task named by the noun of a framing verb ("summarization" of "summarize"): what is asked about, not how.
_TASK_NOUN = re.compile(r"i[sz]ations?\Z")


def frames(word: str) -> bool:
    """Whether a lower-case word frames a question rather than names its subject ("which", "papers", "summarize";
    not "summarization", the task)."""
    return word in _FRAMING_WORDS or (stem(word) in FRAME and not _TASK_NOUN.search(word))


# Framing words whose stem names a subject too: "the MLM objective" (every method has one), not "object detection";
# "which methods exist" (abstracts' "existing methods" are every paper's foil); "in their experiments" (every paper
# has some; "experience replay" shares the stem)
_FRAMING_WORDS = frozenset(("objective", "objectives", "exist", "exists", "existing", "experiment", "experiments"))


def subject_terms(text: str) -> list[str]:
    """`terms` of a text without its framing words: what it asks about ("which papers study X": X)."""
    return [stem(w) for w in _content_words(HOW_QUANTITY.sub(" ", text)) if not frames(w)]


# "how long does it take?", "how fast is it?": the quantity asked, no word a paper must write ("long documents" is)
HOW_QUANTITY = re.compile(
    r"\bhow\s+(?:long|fast|big|large|far|often|small)\b(?!\s+(?:documents?|texts?|inputs?))", re.I
)


_WORD = re.compile(r"[\w-]+")


def subject_text(question: str) -> str:
    """The question with stop and framing words removed (what a keyword search should look for)."""
    words = [w for w in _WORD.findall(question) if w.casefold() not in STOPWORDS and not frames(w.casefold())]
    return " ".join(words) or question


# (each abbreviation's first letter looked for first: the alternation is tried only where one opens a word)
_ABBREV = re.compile(r"(?<!\w)(?=[acefirv])(e\.g|i\.e|a\.k\.a|et al|vs|cf|Fig|Eq|approx|resp|incl)\.\s", re.IGNORECASE)
# Plain white space only: the abbreviation guard's no-break space must not count as a sentence break. (The stop is
# matched, not looked behind for at every letter: a cut is still where the white space ends.)
_SPLIT = re.compile(r"[.!?][ \t\r\n]+(?=[A-Z0-9(\[\"'“])")


def sentence_pieces(text: str) -> list[str]:
    """Sentences with their trailing spaces kept, so that joining them gives the text back."""
    # The guard swaps one character for one, so cut positions found in it hold for the text.
    guarded = _ABBREV.sub(lambda m: m.group(0).replace(". ", ".\u00a0"), text)
    cuts = [m.end() for m in _SPLIT.finditer(guarded)]
    return [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=False) if a < b]


def sentences(text: str) -> list[str]:
    """Split an abstract into sentences, keeping abbreviations such as `e.g.` inside."""
    return list(_sentences(text))


@lru_cache(maxsize=4096)
def _sentences(text: str) -> tuple[str, ...]:
    # Cached: papers come back in later questions (and some are split twice in one: measures, quotes).
    return tuple(s.strip() for s in sentence_pieces(text) if s.strip())


# A sentence saying where a paper's code (or anything) can be had: "Our code is available at https://…". Its words
# are not what the paper is about (63 of the shipped corpus's 92 abstracts with "code" use it only so; a URL's
# pieces read as words), so judging what a paper covers, and quoting it, leaves such sentences out.
_ADDRESS = re.compile(r"https?://|\bwww\.|github\.", re.IGNORECASE)
_CODE = re.compile(r"\bcode\b", re.IGNORECASE)
_REPOSITORY = re.compile(r"\bgithub\.|\bgitlab\.", re.IGNORECASE)  # where code is kept, whatever the sentence says
_AVAILABLE = re.compile(r"\b(?:available|release[sd]?|open[- ]?sourced?|publicly|public)\b", re.IGNORECASE)


def code_sentence(text: str) -> str | None:
    """The sentence of an abstract that says where its code is ("Code is available at https://…", "The related
    codes could be available at https://github…"), if any."""
    return next(
        (s for s in sentences(text) if (_CODE.search(s) and _AVAILABLE.search(s)) or _REPOSITORY.search(s)), None
    )


def substance(text: str) -> list[str]:
    """An abstract's sentences but those that say where its code is, or give a web address."""
    return list(_substance(text))


@lru_cache(maxsize=8192)  # an abstract's substance is asked by several of the writer's rooms: read once
def _substance(text: str) -> tuple[str, ...]:
    # Three plain searches, not one pattern spanning "code ... available": that one backtracked over every
    # "code" of a long sentence (a hostile 80 KB one took 27 s).
    return tuple(s for s in sentences(text) if not (_ADDRESS.search(s) or (_CODE.search(s) and _AVAILABLE.search(s))))


Encode = Callable[[str], list[int]]


@lru_cache(maxsize=1)
def tokenizer() -> Encode:
    """The tiktoken cl100k encode function used for chunking and budgets (llama-index-core ships its file and
    points tiktoken's cache at it: no download)."""
    return get_tokenizer()


def count_tokens(text: str) -> int:
    """Number of cl100k_base tokens in a text."""
    return len(tokenizer()(text))
