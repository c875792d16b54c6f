// English claim lexicon (the bulk of extortion spam, and the language most
// machine-translated templates start from). Folded text: lowercase, no
// diacritics; apostrophes may be ' or ’.
#include "detect/lexicon.h"

namespace extortrace::detect {
namespace {

using F = Family;

#define YOUR R"((?:your|ur|yours))"
#define DEV R"((?:devices?|computers?|pcs?|laptops?|phones?|smartphones?|mobile|accounts?|e-?mails?|e-?mail accounts?|mailbox(?:es)?|inbox|web ?sites?|sites?|servers?|databases?|networks?|systems?|operating systems?|os|router|cameras?|webcam))"
#define AUD R"((?:contacts?|contact list|friends|family|relatives|kin|colleagues|co-?workers|coworkers|peers|employers?|boss|wife|husband|spouse|partners?|loved ones|social (?:networks?|media)|messengers?|everyone|everybody|anyone you know|people (?:you|close to you|around you)|acquaintances|correspondents|neighbou?rs|customers|clients|suppliers|associates|employees|the public|public|internet|web|darknet|dark ?web|police|authorities|law enforcement|fbi|interpol|prosecutors?))"
#define NUM R"((?:\d+(?:[.,]\d+)?|one|two|three|four|five|six|seven|ten|twelve|twenty[- ]four|thirty[- ]six|forty[- ]eight|fifty|seventy[- ]two|a|an))"

constexpr LexEntry kEntries[] = {
    // --- compromise ---
    {F::kCompromise, R"(\b(?:i|we)(?:(?:'|’)ve| have| had| am| was| were)?(?: \w+){0,2} (?:hack(?:ed)?|broke into|broken into|infected|compromised|breached|took over|hijacked|penetrated)\b)", 1.0f},
    {F::kCompromise, R"(\b(?:hack(?:ed|ing)?|breached|compromised|infected|hijacked|took over|taken over|broke into|broken into|penetrated)\s+(?:in(?:to)?\s+)?(?:all\s+)?(?:of\s+)?)" YOUR R"(\s+(?:\w+\s+){0,2})" DEV, 1.0f},
    {F::kCompromise, YOUR R"(\s+(?:\w+\s+){0,2})" DEV R"(\s+(?:has|have|was|were|is|are|got)\s+(?:been\s+)?(?:successfully\s+)?(?:hacked|compromised|infected|breached|taken over|hijacked|cracked|stolen))", 1.0f},
    {F::kCompromise, R"(\b(?:gained|got|obtained|acquired|have|has|gives? me|getting)\s+(?:\w+\s+){0,2}(?:access|control|permission)\s+(?:to|over|of)\s+(?:all\s+)?(?:of\s+)?(?:each\s+)?)" YOUR R"(\s+(?:\w+\s+){0,2})" DEV, 0.9f},
    {F::kCompromise, R"(\b(?:gained|got|obtained|acquired|have)\s+(?:a\s+)?(?:full|complete|total|remote|exclusive)\s+(?:access|control|permission)\b)", 0.7f},
    {F::kCompromise, R"(\b(?:trojan|malware|spyware|keylogger|backdoor|rootkit|pegasus|remote access (?:trojan|tool)|rat software|stalkerware|ransomware)\w*)", 0.6f},
    {F::kCompromise, R"(\b(?:malicious|harmful|spy)\s+(?:software|code|program|app|spyware)|\bdriver[- ]based\b|\bcomputer worm\b)", 0.6f},
    {F::kCompromise, R"(\b(?:installed|planted|injected|attached|deployed|put)\s+(?:a\s+|my\s+|the\s+)?(?:\w+\s+)?(?:virus|trojan|malware|spyware|backdoor|software|program|keylogger|worm)\b)", 0.9f},
    {F::kCompromise, R"(\b(?:bought|purchased|acquired)\s+(?:an?\s+)?(?:exclusive\s+)?(?:access|permission)\s+(?:\w+\s+){0,4}(?:hackers|e-?mail accounts))", 0.8f},
    {F::kCompromise, R"(\blog(?:ged)?\s*(?:in|into|on)\s+(?:to\s+)?)" YOUR R"(\s+(?:\w+\s+)?(?:e-?mail|account|mailbox|profile))", 0.8f},
    {F::kCompromise, R"(\b(?:extracted|dumped|downloaded|copied|stole|stolen|exfiltrated|unpacked|retrieved|took|collected|harvested|gathered|saved|uploaded)\s+(?:all\s+)?(?:of\s+)?(?:your|the)\s+(?:\w+\s+){0,2}(?:databases?|data|files|e-?mails|mailbox(?:es)?|information|contacts|contact list|documents|photos|history|correspondence|credentials))", 0.8f},
    {F::kCompromise, R"(\b(?:monitor(?:ing|ed)?|watch(?:ing|ed)?|track(?:ing|ed)?|spy(?:ing|ed)?\s+on|observ(?:ing|ed)|tracking\s+down)\s+(?:all\s+)?(?:of\s+)?)" YOUR R"(\s+(?:\w+\s+)?(?:activit(?:y|ies)|actions|every move|movements|internet|online|browsing|screen|traffic))", 0.7f},
    {F::kCompromise, R"(\b(?:internet|online|web)\s+(?:activit(?:y|ies)|actions)\s+of\s+yours\b)", 0.6f},
    {F::kCompromise, R"(\b(?:i am|i(?:'|’)m|we are|we(?:'|’)re)\s+(?:an?\s+)?(?:\w+\s+){0,3}(?:hackers?|hacking group|cyber ?criminals?|programmer)\b)", 0.7f},
    {F::kCompromise, R"(\b(?:anti-?virus|antivirus)\w*\s+(?:\w+\s+){0,5}(?:not|unable|cannot|can(?:'|’)t|won(?:'|’)t|never|no)\s+(?:\w+\s+){0,2}(?:detect|find|see|notice|remove))", 0.7f},
    {F::kCompromise, R"(\b(?:undetect(?:ed|able)|remains?\s+(?:hidden|invisible|undetected)|drive-by\s+exploit|exploited\s+(?:a|the)\s+(?:\w+\s+)?vulnerability)\b)", 0.6f},
    {F::kCompromise, R"(\b(?:hired|paid|asked|contracted|commissioned|ordered)\s+(?:\w+\s+){0,2}to\s+(?:hack|spy\s+on|monitor|investigate|follow|watch|track|break\s+into|get\s+into|dig\s+up|collect|find|gather)\s+(?:\w+\s+){0,3}(?:you|your)\b)", 0.9f},
    {F::kCompromise, R"(\b(?:got|get|gotten|getting)\s+into\s+)" YOUR R"(\s+(?:\w+\s+){0,2})" DEV R"(|\bdig(?:ging|ged)?\s+up\s+(?:\w+\s+)?(?:information|dirt|details|data)\s+(?:on|about)\s+you\b)", 0.8f},
    {F::kCompromise, R"(\b(?:found|discovered|exploited)\s+(?:a|the)\s+(?:\w+\s+)?vulnerabilit(?:y|ies)\s+(?:\w+\s+){0,3}(?:your|site|website|server))", 0.8f},
    {F::kCompromise, R"(\b(?:let|lets|letting)\s+me\s+(?:in|into)\b|\b(?:been|am|was|have\s+been)\s+(?:\w+\s+)?(?:watching|observing|monitoring|following|spying\s+on)\s+(?:what\s+you\s+do|everything\s+you\s+do|your\s+(?:every|screen|activit\w+|browsing))\b)", 0.8f},
    {F::kCompromise, R"(\b(?:found|discovered|located|identified|detected|spotted|exploited|used)\s+(?:a|an|the|several|some)\s+(?:\w+\s+)?(?:weakness(?:es)?|vulnerabilit(?:y|ies)|security\s+(?:holes?|flaws?|gaps?|issues?)|holes?|flaws?|backdoors?|loopholes?)\b)", 0.8f},
    {F::kCompromise, R"(\b(?:hold|have|possess|keep|got|obtained|made|took)\s+(?:a\s+|the\s+)?(?:full\s+|complete\s+|whole\s+)?cop(?:y|ies)\s+of\s+(?:your|the|all)\b|\b(?:opened|entered|accessed|went\s+through|read|browsed)\s+(?:all\s+)?(?:of\s+)?your\s+(?:\w+\s+)?(?:accounts?|photos|pictures|chats|messages|e-?mails|files|cloud|backups?|drive|gallery|correspondence)\b)", 0.9f},
    {F::kCompromise, R"(\b(?:bought|purchased|obtained|got|found)\s+(?:\w+\s+){0,4}(?:database|list|dump|leak|breach)\s+(?:\w+\s+){0,4}(?:forum|dark\s?web|darknet|underground|hackers?|black\s+market)\b)", 0.8f},
    // --- recording ---
    {F::kRecording, R"(\b(?:recorded|filmed|captured|taped|screen-?recorded)\s+(?:you|a\s+video|videos?|footage|clips?|the\s+act|your|some|several|a\s+number|how\s+you|everything))", 1.0f},
    {F::kRecording, R"(\b(?:turn(?:ed)?|switch(?:ed)?)\s+on\s+(?:your\s+|the\s+)?(?:web\s?)?(?:cam(?:era)?|microphone))", 0.9f},
    {F::kRecording, R"(\b(?:web\s?cam|(?:video\s+)?camera|\bcam)\b\s+(?:\w+\s+){0,8}(?:record\w*|film\w*|captur\w*|spy\w*))", 0.8f},
    {F::kRecording, R"(\b(?:made|created|montaged|produced|compiled|edited|prepared|have)\s+(?:a\s+|some\s+|several\s+|a\s+few\s+)?(?:\w+\s+){0,2}(?:video|clips?|recordings?|footage|montage|compilation|screenshots?)\b)", 0.7f},
    {F::kRecording, R"(\b(?:video|videos|footage|recording|clips?|photos?|pictures?)\s+(?:\w+\s+){0,2}(?:of|with|showing|where)\s+you\b)", 0.8f},
    {F::kRecording, R"(\b(?:left|right)\s+(?:half|side|part)\s+(?:\S+\s+){0,12}(?:video|watching|screen)\b)", 0.7f},
    {F::kRecording, R"(\b(?:webcam|web cam|screenshots?|recordings?|footage|videos?|video\s?clips?)\b)", 0.3f},
    {F::kRecording, R"(\b(?:came\s+into|in)\s+(?:the\s+)?possession\s+of\s+(?:\w+\s+){0,3}(?:footage|videos?|recordings?|clips?|photos?|pictures?|images?|material|files)\b|\b(?:footage|videos?|recordings?|material|images?|photos?|clips?)\s+(?:\w+\s+){0,3}(?:in\s+my\s+possession|i\s+(?:hold|possess|keep|have\s+obtained|obtained))\b)", 0.8f},
    {F::kRecording, R"(\b(?:through|via|with|using|including)\s+(?:your|the)\s+(?:own\s+)?(?:web\s?)?cam(?:era)?\b)", 0.7f},
    {F::kRecording, R"(\b(?:saved|stored|kept|archived|backed\s+up|uploaded|copied)\s+(?:\w+\s+){0,4}(?:on|to|in)\s+(?:my|our|a\s+(?:secure|private|remote|safe))\s+(?:\w+\s+)?(?:server|cloud|drive|storage|computer|disk)s?\b)", 0.8f},
    // --- adult content ---
    {F::kAdult, R"(\bporn\w*|\bxxx\b|\bsex\s*(?:video|site|tape|cam)s?\b)", 0.8f},
    {F::kAdult, R"(\badult\s+(?:web\s?sites?|sites?|content|videos?|material|platforms?|pages?|entertainment))", 0.9f},
    {F::kAdult, R"(\b(?:masturbat\w*|jerk(?:ing)?\s+off|wank\w*|orgasms?|self[- ]?pleasure|satisf(?:y|ying|ied)\s+yourself|pleasing\s+yourself|pleasure\s+yourself|touching\s+yourself|solitary\s+sex|solo\s+action)\b)", 1.0f},
    {F::kAdult, R"(\b(?:intimate|explicit|compromising|dirty|nasty|kinky|naughty|erotic|sexual|sensitive)\s+(?:\w+\s+)?(?:videos?|photos?|content|material|moments|scenes|stuff|clips?|recordings?|things|act)\b)", 0.8f},
    {F::kAdult, R"(\b(?:sexy|nude|naked|perverted|sexual)\b)", 0.4f},
    {F::kAdult, R"(\b(?:most|very|highly|deeply)\s+(?:private|personal|intimate)\s+(?:\w+\s+)?(?:material|photos|pictures|videos|moments|content|files|things)\b|\bprivate\s+(?:photos|pictures|videos|material|moments)\b)", 0.7f},
    {F::kAdult, R"(\b(?:sites?|web\s?sites?|videos?|content|pages?|platforms?)\s+for\s+adults\b|\b(?:enjoying|pleasuring|pleasing|satisfying|relieving)\s+yourself\b|\byour\s+(?:perversions?|fetish\w*|sexual\s+(?:preferences|fantasies|tastes))\b)", 0.8f},
    {F::kAdult, R"(\b(?:footage|videos?|recordings?|material|images?|photos?|clips?|content|moments?)\s+of\s+(?:an?\s+|a\s+very\s+)?(?:intimate|private|compromising|sexual|explicit|delicate|indecent|embarrassing|adult)\s+(?:kind|nature|character|sort|type)\b)", 0.9f},
    {F::kAdult, R"(\b(?:child|children|kids?|underage|minors?|teen)\s*(?:porn\w*|pornography|abuse\s+material|sexual\s+abuse|sex\s+abuse|exploitation\s+material)|\b(?:p(?:a)?edophil\w*|child\s+molest\w*|csam)\b)", 1.0f},
    // --- exposure threat ---
    {F::kExposure, R"(\b(?:i|we)\s*(?:will|(?:'|’)ll|can|could|shall|am\s+going\s+to|are\s+going\s+to|intend\s+to|need\s+is\s+(?:just\s+)?to|only\s+need\s+to|have\s+to)\s+(?:\w+\s+){0,4}(?:send|share|forward|distribute|spread|mail|upload|post|publish|leak|release|expose|reveal|disclose|show|sell|make)\w*\s+(?:\w+\s+){0,8}(?:to|with|among|on|in|for)\s+(?:all\s+|every\s+|each\s+|the\s+)?(?:of\s+)?(?:your\s+)?(?:\w+\s+){0,2})" AUD R"(\b)", 1.0f},
    {F::kExposure, R"(\b(?:send|share|forward|distribute|spread|upload|post|publish|leak|release|expose|reveal|disclose|sell|shared|sent|forwarded|distributed|published|leaked|released|exposed|revealed|sold)\w*\s+(?:\w+\s+){0,8}(?:to|with|among|on|in|for)\s+(?:all\s+|every\s+|each\s+|the\s+)?(?:of\s+)?(?:your\s+)?(?:\w+\s+){0,2})" AUD R"(\b)", 0.4f},
    {F::kExposure, R"(\b(?:i\s+will|i(?:'|’)ll|i\s+can|we\s+will|we(?:'|’)ll|we\s+can|will\s+be|going\s+to|intend\s+to|would\s+be)\s+(?:\w+\s+){0,3}(?:send|share|forward|distribute|spread|upload|publish|leak|release|expose|reveal|disclose|sell|sold|leaked|published|shared|sent|distributed|exposed|released|revealed)\b)", 0.5f},
    {F::kExposure, R"(\b(?:videos?|recordings?|footage|clips?|photos?|pictures?|material|dirt|data|database|information|content|everything)\s+(?:\w+\s+){0,4}(?:will|would)\s+be\s+(?:\w+\s+)?(?:sent|shared|published|leaked|distributed|released|made public|sold|exposed|uploaded))", 0.8f},
    {F::kExposure, R"(\b(?:table|tables|copy|files|records|archive|package|folder|dump|customer\s+data|client\s+data|backups?)\s+(?:\w+\s+){0,3}(?:will|would)\s+be\s+(?:\w+\s+)?(?:published|leaked|released|made\s+public|sold|posted|dumped|uploaded)\b)", 0.8f},
    {F::kExposure, R"(\b(?:make|making|made)\s+(?:\w+\s+){0,5}public\b|\bpublic(?:ly)?\s+(?:access|available|disclose\w*)|\bfor\s+everybody\s+to\s+see\b)", 0.6f},
    {F::kExposure, R"(\b(?:goes|go|will\s+go|gets?\s+sent|will\s+be\s+(?:sent|forwarded|delivered|handed|passed))\s+(?:straight\s+|directly\s+)?to\s+(?:\w+\s+){0,6})" AUD R"(\b)", 0.9f},
    {F::kExposure, R"(\b(?:everyone|everybody|all\s+(?:the\s+)?people|each\s+person)\s+(?:you\s+know|you\s+care\s+about|in\s+your\s+(?:contacts?|contact\s+list|address\s+book|life))\s+(?:\w+\s+){0,2}(?:gets?|will\s+(?:get|see|receive|watch|learn)|sees?|receives?|watches)\b|\b(?:all\s+)?your\s+(?:contacts|friends|family|relatives|colleagues|coworkers|co-workers|employer|boss|wife|husband|partner)\s+(?:\w+\s+){0,3}will\s+(?:\w+\s+)?(?:see|get|receive|watch|learn\s+about|find\s+out)\b)", 0.9f},
    {F::kExposure, R"(\b(?:every|each)\s+(?:one\s+of\s+your\s+)?(?:customers?|clients?|contacts?|friends?|colleagues?|employees?|partners?|relatives?)\s+(?:\w+\s+){0,2}(?:will\s+(?:get|receive|see|learn|be\s+told|find\s+out)|gets?|receives?)\b|\b(?:is|are|will\s+be|gets?|get)\s+sold\s+to\b|\bsell\s+(?:it|them|everything|the\s+\w+)\s+(?:\w+\s+){0,2}to\b)", 0.9f},
    {F::kExposure, R"(\b(?:i|we)\s*(?:will\s+|(?:'|’)ll\s+)?(?:post|publish|upload|leak|share|release|spread|dump|send)\s+(?:it|them|this|everything|the\s+(?:\w+\s+)?(?:folder|files|videos?|material|data|table|archive|package))\s+(?:\w+\s+){0,3}(?:where|to|on|online|with|for)\b)", 0.8f},
    {F::kExposure, R"(\bhighest\s+bidder\b|\b(?:darknet|dark\s?web)\s+(?:markets?|forums?)\b|\bother\s+criminals\b)", 1.0f},
    {F::kExposure, R"(\b(?:destroy|ruin|damag|harm|tarnish)\w*\s+(?:\w+\s+){0,3}(?:reputation|life|career|marriage|business|relationships?|name))", 0.8f},
    {F::kExposure, R"(\b(?:reputation|career|marriage|life)\s+(?:\w+\s+){0,3}(?:destroyed|ruined|damaged|tarnished|over)\b)", 0.7f},
    {F::kExposure, R"(\bde-?index\w*|\bblack-?list(?:ed|ing)?\b|\bstain\s+on\s+your\s+reputation|\bshame\b)", 0.5f},
    {F::kExposure, R"(\b(?:no|little|any)\s+(?:other\s+)?(?:choice|option|alternative)\s+(?:but|than|except)\s+to\s+(?:\w+\s+){0,2}(?:send|share|forward|distribute|spread|upload|post|publish|leak|release|expose|reveal|disclose|sell|make\s+(?:it|them|this)\s+public|report|hand)\w*)", 1.0f},
    {F::kExposure, R"(\b(?:report|denounce|hand)\w*\s+(?:you|your\s+name)\s+(?:over\s+)?to\s+(?:the\s+)?(?:police|authorities|law\s+enforcement|fbi|interpol|prosecutors?|cyber\s?police)\b)", 0.9f},
    // --- payment demand ---
    {F::kPayment, R"(\b(?:pay|paying|transfer|send|deposit|wire|give)\w*\s+(?:me\s+|us\s+)?(?:exactly\s+|only\s+|just\s+|the\s+(?:sum|amount)\s+of\s+|the\s+)?(?:\$|€|£|usd|eur|gbp|\d))", 0.9f},
    {F::kPayment, R"(\b(?:pay|paid|payment|transfer|send|deposit)\w*\b\s+(?:\w+\s+){0,8}(?:bitcoins?|btc|crypto\w*|wallet|address)\b)", 0.8f},
    {F::kPayment, R"(\b(?:a\s+)?(?:payment|transfer|contribution|donation|compensation)\s+of\s+(?:exactly\s+|just\s+|only\s+)?(?:\$|€|£|usd|eur|\d))", 0.9f},
    {F::kPayment, R"(\b(?:bitcoin|btc)\s+equivalent|\bequivalent\s+(?:\w+\s+)?(?:in|of)\s+(?:bitcoins?|btc))", 0.9f},
    {F::kPayment, R"(\b(?:value|worth)\s+(?:\w+\s+)?in\s+bitcoins?|\bin\s+(?:bitcoins?|btc|crypto\w*)\b)", 0.9f},
    {F::kPayment, R"(\bcopy\s+(?:and|&|\+|n)\s+paste\b|\bcase[- ]sensitive\b)", 0.5f},
    {F::kPayment, R"(\b(?:small|one[- ]time|current|the)\s+fee\b|\bthe\s+price\s+is\b|\bnot\s+negotiable\b|\bfair\s+(?:deal|price)\b|\b(?:one|only)\s+way\s+(?:out|to\s+stop))", 0.5f},
    {F::kPayment, R"(\b(?:reasonable|modest|symbolic|small|fair|moderate)\s+(?:fee|sum|amount|price|compensation|payment|contribution)\b)", 0.6f},
    {F::kPayment, R"(\b(?:once|after|upon|as\s+soon\s+as)\s+(?:\w+\s+){0,3}(?:payment|transfer|transaction|funds)\s+(?:\w+\s+){0,3}(?:received|confirmed|complete\w*|made))", 0.6f},
    {F::kRelease, R"(\b(?:the\s+|your\s+|all\s+)?(?:files|videos?|recordings?|footage|data|clips?|evidence|material|everything)\s+(?:\w+\s+)?(?:are|is|will\s+be|gets?|get)\s+(?:\w+\s+)?(?:gone|deleted|erased|destroyed|wiped|removed)\b)", 0.7f},
    {F::kRelease, R"(\b(?:files|folder|videos?|recordings?|footage|data|clips?|evidence|material|everything)\s+(?:\w+\s+)?(?:disappears?|vanish(?:es)?|will\s+(?:disappear|vanish))\b)", 0.7f},
    {F::kRelease, R"(\b(?:prepared|willing|ready)\s+to\s+(?:\w+\s+){0,2}(?:delet|eras|remov|destroy|wip|forget)\w*\s+(?:\w+\s+){0,3}(?:videos?|recordings?|footage|data|everything|files|material|content|evidence|it|them))", 0.7f},
    {F::kRelease, R"(\b(?:i|we)\s*(?:will|(?:'|’)ll|shall)\s+(?:\w+\s+){0,4}(?:delet|eras|remov|destroy|wip|get\s+rid\s+of)\w*\s+(?:\w+\s+){0,4}(?:videos?|recordings?|footage|data|everything|files|material|content|stuff|information|database|clips|folder))", 0.8f},
    {F::kCrypto, R"(\b(?:bitcoin|btc|crypto(?:currency)?|litecoin|ltc|monero|ethereum)\s+(?:wallet|address|account)\b)", 1.0f},
    {F::kCrypto, R"(\b(?:bitcoins?|btc|ltc|litecoin|ethereum)\b)", 0.5f},
    {F::kCrypto, R"(\b(?:monero|xmr|cryptocurrency|cryptocurrencies|crypto|usdt|tether)\b)", 0.5f},
    {F::kCrypto, R"(\bbuy\s+bitcoins?\b|\bhow\s+to\s+(?:buy|send|purchase|get)\s+bitcoins?|\bbitcoin\s*-?\s*atm|\b(?:coinbase|paxful|localbitcoins|coingate|cex\.io|atomic\s?wallet|exodus\s+wallet)\b)", 0.6f},
    // --- deadline ---
    {F::kDeadline, R"(\b(?:within|in|you\s+have|(?:i|we)\s+(?:will\s+|shall\s+)?give\s+you|you\s+are\s+left\s+with|wait(?:ing)?\s+(?:for\s+)?|only|less\s+than|no\s+(?:more|later)\s+than|next|exactly)\s+(?:the\s+)?(?:\w+\s+){0,2})" NUM R"(\s*-?\s*(?:hours?|hrs?|h|days?)\b)", 0.9f},
    {F::kDeadline, NUM R"(\s*-?\s*(?:hours?|days?)\s+(?:\w+\s+){0,4}(?:to\s+(?:make\s+|complete\s+)?(?:the\s+)?pay|for\s+(?:making\s+)?(?:the\s+)?payment|to\s+(?:make|complete|perform)|after\s+(?:you\s+)?(?:open|read|receiv)))", 0.9f},
    {F::kDeadline, R"(\bby\s+the\s+end\s+of\s+(?:the|this|next)\s+(?:day|week|month)\b|\bbefore\s+(?:midnight|tomorrow|the\s+weekend)\b)", 0.6f},
    {F::kDeadline, R"(\b(?:countdown|timer|clocks?\s+(?:is|are)\s+ticking|time\s+is\s+running\s+out|deadline|the\s+clock)\b)", 0.6f},
    // --- anti-response ---
    {F::kAntiResponse, R"(\b(?:do\s+not|don(?:'|’)t|dont|no\s+need\s+to|never|no\s+point\s+in)\s+(?:\w+\s+)?(?:reply|respond|answer|write\s+back|try\s+to\s+(?:find|contact|reply|trace)|contact\s+me)\b)", 0.8f},
    {F::kAntiResponse, R"(\b(?:police|law[- ]enforcement|authorities|security\s+services|cyber\s?police|fbi)\b\s+(?:\w+\s+){0,8}(?:not|never|won(?:'|’)t|can(?:'|’)t|cannot|no\s+use|pointless|useless|help)\b|\bforget\s+about\s+(?:the\s+)?(?:police|law|authorities))", 0.8f},
    {F::kAntiResponse, R"(\b(?:i|we)\s*(?:will|(?:'|’)ll|would)\s+(?:\w+\s+)?(?:know|see|get\s+(?:a\s+)?notif\w*|receive\s+(?:a\s+)?notif\w*|be\s+notified|be\s+informed)\b\s+(?:\w+\s+){0,8}(?:open|read|view)\w*)", 0.9f},
    {F::kAntiResponse, R"(\b(?:once|as\s+soon\s+as|when|after|moment)\s+(?:\w+\s+)?you\s+(?:have\s+)?(?:open|read|view)\w*\s+(?:this|my|the)\s+(?:e-?mail|message|letter))", 0.6f},
    {F::kAntiResponse, R"(\b(?:after|once|when|as\s+soon\s+as)\s+(?:you\s+)?(?:open|read|view)\w*\s+(?:this|my|the)\s+(?:e-?mail|message|letter)\b.{0,80}\b(?:notice|notif\w*|timer|countdown|know|see\s+it))", 0.8f},
    {F::kAntiResponse, R"(\bi\s+(?:already\s+)?know\s+(?:that\s+)?you\s+(?:have\s+)?(?:just\s+)?(?:read|opened|seen)\b|\bdo\s+not\s+(?:try\s+to\s+)?ignore\s+this\b)", 0.8f},
    {F::kAntiResponse, R"(\btracking\s+pixel|\bpixel\s+track\w*|\bdisposable\s+(?:e-?mail|address)|\b(?:cannot|can(?:'|’)t|can\s+not)\s+be\s+(?:traced|tracked)|\buntraceable\b|\blayers\s+of\s+anonymi\w+)", 0.7f},
    {F::kAntiResponse, R"(\bdo\s+not\s+(?:try\s+to\s+)?(?:reset|reinstall|format)|\b(?:i|we)\s*(?:will|(?:'|’)ll)\s+know\s+(?:it\s+)?(?:immediately|right away|instantly))", 0.6f},
    // --- proof ---
    {F::kProof, R"(\b(?:your|ur)\s+(?:\w+\s+)?(?:password|passcode|pass)\s*(?:is|was|:|=|-)|\bi\s+know\s+your\s+(?:\w+\s+)?password|\b(?:here\s+is|this\s+is)\s+your\s+(?:\w+\s+)?password)", 1.0f},
    {F::kProof, R"(\bpassword\s+(?:that\s+)?you\s+(?:use|used|still\s+use|have\s+used)\b|\bi\s+know\s+where\s+you\s+(?:live|work)\b)", 0.8f},
    {F::kProof, R"(\b(?:your|ur)\s+(?:phone\s+number|home\s+address|cell\s+number)\s*(?:is|:))", 0.7f},
    // --- sent from your own account/server ---
    {F::kSelfSent, R"(\b(?:sent|send|sending|writing|wrote)\s+(?:\w+\s+){0,4}(?:from|via|through|using)\s+(?:your\s+own|your|ur)\s+(?:\w+\s+){0,2}(?:e-?mail|account|address|mailbox|server|domain|inbox))", 1.0f},
    {F::kSelfSent, R"(\bfrom\s+your\s+(?:own\s+)?(?:e-?mail\s+)?(?:account|address|mailbox|server|inbox)\b|\b(?:created|generated)\s+(?:\w+\s+){0,4}(?:inside\s+your|return\s+address))", 0.8f},
    {F::kSelfSent, R"(\b(?:this|the|my)\s+(?:e-?mail|message|letter)\s+(?:was|is|has\s+been)\s+sent\s+from\b)", 0.6f},
    // --- corporate target ---
    {F::kCorporate, R"(\byour\s+(?:web\s?sites?|sites?|web\s?shop|online\s+store|company|organi[sz]ation|business|domain|servers?|databases?|customers?|clients?)\b)", 0.4f},
    {F::kCorporate, R"(\b(?:databases?|db\s+credentials)\b|\bsearch\s+engines?\b|\bangry\s+customers\b|\bcustomers\s*/\s*(?:employees|associates)|\bsuppliers\b|\bbusiness\s+partners\b)", 0.5f},
    {F::kCorporate, R"(\b(?:forward|pass|show|give|hand)\s+this\s+(?:e-?mail|message|letter|note)\s+to\s+(?:someone|somebody|anyone|a\s+person)\s+(?:\S+\s+){0,8}(?:company|decisions?|organi[sz]ation))", 1.0f},
    {F::kCorporate, R"(\bcompany(?:(?:'|’)s)?\s+(?:\w+\s+)?(?:servers?|mailbox(?:es)?|e-?mails?|network|databases?)\b)", 0.7f},
    // --- personal data ---
    {F::kPersonalData, R"(\b(?:social\s+security(?:\s+number)?|ssn|driver(?:'|’)?s?\s+licen[cs]e|passport|bank\s+(?:accounts?|details|data)|credit\s+cards?|card\s+numbers?|cvv|date\s+of\s+birth|home\s+address|full\s+name|identity\s+documents?|personal\s+(?:information|data|details|files)|login\s+(?:credentials|details))\b)", 0.5f},
    {F::kPersonalData, R"(\b(?:bank\s+statements?|tax\s+returns?|id\s+(?:cards?|scans?)|scans?\s+of\s+your\s+(?:passport|id|identity|driver)|payslips?|medical\s+records?|your\s+identity)\b)", 0.5f},
    // --- violence (threat category: bombs, hired killers) ---
    {F::kViolence, R"(\b(?:placed|planted|hid|hidden|installed|left|put|mounted)\s+(?:\w+\s+){0,3}(?:explosive|bomb|ied|tnt|c-?4|hexogen|grenade)s?\b|\b(?:explosive|explosives|bomb|ied)s?(?:\s+device)?\s+(?:was|were|has\s+been|have\s+been|is|are)\s+(?:\w+\s+){0,2}(?:planted|placed|hidden|installed|left|put|mounted)\b|\b(?:explosive\s+device|bomb)s?\s+(?:\w+\s+){0,6}(?:will\s+(?:go\s+off|explode|be\s+(?:detonated|activated|set\s+off))|detonat\w*|blow\s+up)\b)", 1.0f},
    {F::kViolence, R"(\b(?:paid|hired|ordered|contracted|asked|commissioned)\s+(?:\w+\s+){0,3}to\s+(?:kill|murder|eliminate|liquidate|hurt|harm|injure|cripple|maim)\s+(?:you|your)\b|\b(?:contract|order|bounty|price)\s+(?:on|for)\s+your\s+(?:life|head|murder|death)\b)", 1.0f},
    {F::kViolence, R"(\b(?:i|we)\s*(?:will|(?:'|’)ll|am\s+going\s+to|are\s+going\s+to)\s+(?:\w+\s+){0,2}(?:kill|murder|hurt|harm|injure|shoot|stab|cripple|maim|eliminate)\s+(?:you|your\s+(?:family|children|kids|wife|husband|parents|relatives))\b)", 0.9f},
    {F::kViolence, R"(\b(?:explosive|explosives|bomb|ied|grenade)s?\s+(?:device\s+)?(?:\w+\s+){0,8}(?:in|inside|under|at|near)\s+(?:your|the)\s+(?:\w+\s+)?(?:building|office|home|house|school|car|premises|workplace|shop|store|restaurant|hotel)\b)", 1.0f},
    {F::kViolence, R"(\b(?:explosive\s+device|explosives|hitman|hit\s+man|assassin|contract\s+killer|detonat\w*|acid\s+attack)\b)", 0.5f},
    // --- advisory (a third party quoting a scam to warn about it) ---
    {F::kAdvisory, R"((?:\A|[.!:;\n*•>-]\s*|\bplease\s+)(?:do\s+not|don(?:'|’)t|never)\s+(?:\w+\s+)?(?:pay|send\s+(?:any\s+)?(?:money|bitcoin))\b)", 1.0f},
    {F::kAdvisory, R"(\b(?:is|are|was|were)\s+(?:a|an|just\s+an?|simply\s+an?|an?\s+(?:well-?known|common|typical|known|classic|mass|bulk|widespread))\s+(?:\w+\s+)?(?:scam|fraud|hoax|phishing)\b|\bwell-?known\s+(?:\w+\s+)?(?:scam|fraud|hoax)\b)", 1.0f},
    {F::kAdvisory, R"(\b(?:the|this|these|such)\s+(?:sender|scammers?|fraudsters?|criminals|attackers?|e-?mails?|messages?|letters?)\s+(?:\w+\s+)?(?:claims?|claiming|threatens?|threatening|alleges?|pretends?|demands?)\b|\bclaim(?:s|ing)?\s+to\s+have\s+(?:hacked|recorded|infected|access))", 0.9f},
    {F::kAdvisory, R"(\b(?:sextortion|extortion|blackmail)\s+(?:scam|campaign|e-?mails?|messages?|attempts?|wave|fraud)s?\b|\b(?:the\s+)?sender\s+(?:does\s+not|doesn(?:'|’)t|did\s+not|didn(?:'|’)t)\s+(?:have|know|possess)\b)", 0.8f},
    {F::kAdvisory, R"(\b(?:delete|ignore)\s+(?:it|them|the\s+(?:e-?mail|message))\s+and\s+(?:\w+\s+)?(?:report|move\s+on|do\s+not|don(?:'|’)t|change)|\breport\s+(?:it|this|them|the\s+(?:e-?mail|message))\s+to\s+(?:your\s+)?(?:it|security|abuse|helpdesk|help\s+desk|administrator|cert|us)\b)", 0.7f},
    // --- benign (weighs against) ---
    {F::kBenign, R"(\bunsubscribe\b|\bprivacy\s+policy\b|\bview\s+(?:this\s+)?(?:e-?mail\s+)?in\s+(?:your\s+)?browser\b|\bmanage\s+(?:your\s+)?(?:preferences|subscription))", 0.4f},
    {F::kBenign, R"(\b(?:receipt|invoice|order\s+(?:number|confirmation)|transaction\s+(?:id|hash)|txid|withdrawal|deposit\s+(?:has\s+been\s+)?(?:confirmed|received|credited))\b)", 0.5f},
    {F::kBenign, R"(\bwe\s+(?:will\s+)?never\s+ask\s+(?:you\s+)?(?:for\s+)?(?:your\s+)?(?:password|seed|private)|\b(?:seed|recovery|secret)\s+phrase\b|\b(?:verify|validate|synchroni[sz]e)\s+your\s+wallet\b|\bgiveaway\b|\bdouble\s+your\b)", 0.7f},
};

#undef YOUR
#undef DEV
#undef AUD
#undef NUM

}  // namespace

std::span<const LexEntry> LexiconEn() { return kEntries; }

}  // namespace extortrace::detect
