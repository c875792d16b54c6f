#include <iterator>

#include "explain/phrases.h"

namespace extortrace::explain::detail {
namespace {

constexpr FamilyPhrase kFamilies[] = {
    {"compromise", "It claims to have hacked your device, account or systems: {0}."},
    {"recording", "It claims you were recorded through your camera or screen: {0}."},
    {"adult_content", "It brings up adult websites to embarrass you: {0}."},
    {"exposure_threat", "It threatens to send something to your contacts or publish it: {0}."},
    {"payment_demand", "It demands money: {0}."},
    {"crypto", "It wants the money in cryptocurrency, which is hard to trace: {0}."},
    {"deadline", "It sets a deadline to rush you: {0}."},
    {"anti_response", "It tries to stop you from replying or asking anyone for help: {0}."},
    {"proof", "It pretends to have proof: {0}."},
    {"sent_from_own_account", "It claims it was sent from your own account: {0}."},
    {"corporate_target",
     "It claims your company's website, database or mailboxes were taken: {0}."},
    {"personal_data", "It claims to hold personal or financial data: {0}."},
    {"violence", "It threatens violence: {0}."},
};

const Phrases kEnglish = {
    "\u201c",
    "\u201d",
    "This is a bulk extortion scam. Stay calm: you do not need to pay.",
    "We found no sign that this is a bulk extortion scam.",
    "The same text is sent to huge numbers of people at once. The sender knows nothing about "
    "you: the story about hacking your device and recording you is made up to scare you into "
    "paying.",
    "The same text is sent to many companies at once. The story that your website, database or "
    "mailboxes were taken is made up to scare you into paying; nothing shows that anything was "
    "actually accessed.",
    "The same text is sent to huge numbers of people at once. Its threats are made up to scare "
    "you into paying.",
    "This is an automatic check. If something about the message still worries you, do not open "
    "its links or attachments, and confirm with the sender through another channel.",
    kFamilies,
    std::size(kFamilies),
    "It names a {0} address for the payment: {1}.",
    "We have seen this same address in {0} other messages: the text is sent in bulk.",
    "It belongs to a campaign of {0} near-identical messages we have recorded.",
    "It asks for {0} ({1}).",
    "It gives you {0} hours. Such deadlines are part of the script; nothing happens when they "
    "pass.",
    "It gives you until {0}. Such deadlines are part of the script; nothing happens when they "
    "pass.",
    "It appears to come from your own address ({0}), but that is forged. Anyone can write any "
    "address in the From line, just as anyone can write any return address on an envelope.",
    "The sender's server is not authorised to send mail for that domain: the authentication "
    "checks failed ({0}).",
    "The sender's address is forged: the authentication checks failed ({0}).",
    "Its text is disguised to slip past spam filters ({0}). That is what bulk spam does, not "
    "someone who really knows you.",
    "It quotes a password ({0}). If it is one you have really used, it comes from an old data "
    "breach of some website, not from your computer or camera.",
    "It claims to know a password of yours. Such passwords come from old data breaches of "
    "websites, not from your computer.",
    "It quotes none of your real data: no files, no contacts, no photos. There is nothing "
    "behind the claims.",
    "Do not pay. Paying changes nothing, and marks you as someone who pays.",
    "Do not reply. A reply only confirms that your address is read.",
    "Delete the message. At work, forward it to your IT or security team first.",
    "Change that password everywhere you still use it, and turn on two-step verification "
    "where you can.",
    "If you are still worried, update your antivirus and run a scan, and cover your camera "
    "when you do not use it.",
    "Threats of violence are sent in bulk too, but do not delete this one: keep it and report "
    "it to the police, who decide whether to act on it.",
    "If you did not expect this message, do not pay, reply or open attachments until you have "
    "checked with the sender another way.",
    "Your local police (in the US, the FBI's IC3 at ic3.gov; in the UK, Action Fraud at "
    "actionfraud.police.uk).",
    "Consumer fraud reporting: reportfraud.ftc.gov in the US; report it as spam or phishing to "
    "your mail provider.",
    "At work: your IT or security team, who can block the sender for everyone.",
    "Why we think so",
    "What to do",
    "Where to report it",
    ", ",
};

}  // namespace

const Phrases& English() { return kEnglish; }

}  // namespace extortrace::explain::detail
