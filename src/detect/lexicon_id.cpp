// Indonesian and Malay claim lexicon (one file: the two share most of the
// vocabulary; Malay-only words such as godam, hantar, rakaman, padam, polis sit
// beside the Indonesian ones). Verbs carry the meN-/di-/ter- prefixes and -kan/-i
// suffixes ("meretas", "diretas", "mengirimkan", "disebarkan"); possessives are
// words ("komputer anda") or the clitic -mu ("komputermu"). No diacritics.
#include "detect/lexicon.h"

namespace extortrace::detect {
namespace {

using F = Family;

#define YOUR R"((?:anda|kamu|awak|engkau|mu|kalian))"
#define DEV \
  R"((?:perangkat|peranti|komputer|laptop|ponsel|telepon|telefon|hp|akun|akaun|e-?mail|e-?mel|kotak\s+masuk|situs(?:\s+web)?|laman(?:\s+web)?|website|basis\s+data|pangkalan\s+data|database|server|pelayan|sistem|jaringan|rangkaian|kamera|webcam)(?:mu|nya)?)"
#define AUD \
  R"((?:kontak\w*|kenalan\w*|teman\w*|kawan\w*|keluarga\w*|kerabat\w*|saudara\w*|rekan\s+kerja|rakan\s+sekerja|kolega\w*|atasan\w*|majikan\w*|bos\w*|pelanggan\w*|klien\w*|mitra\w*|rakan\s+niaga|pemasok\w*|pembekal\w*|semua\s+orang|media\s+sosial|internet|publik|umum|orang\s+ramai))"
#define LEAK \
  R"((?:menyebar\w*|disebar\w*|sebarkan|mempublikasikan|dipublikasikan|publikasikan|mengunggah|diunggah|membocorkan|dibocorkan|bocorkan|menjual|dijual|mendedahkan|didedahkan|memuat\s+naik|dimuat\s+naik))"
#define SPREAD \
  R"((?:mengirim\w*|kirim\w*|dikirim\w*|membagikan|dibagikan|bagikan|menyebar\w*|disebar\w*|sebarkan|tersebar|mempublikasikan|dipublikasikan|publikasikan|menerbitkan|mengunggah|diunggah|membocorkan|dibocorkan|bocorkan|menjual|dijual|mendedahkan|didedahkan|menghantar\w*|dihantar|berkongsi|dikongsi|memuat\s+naik|dimuat\s+naik))"

constexpr LexEntry kEntries[] = {
    {F::kCompromise,
     R"(\b(?:saya|kami|aku|sy)\s+(?:\S+\s+){0,3}(?:meretas|membobol|menghack|hack|menggodam|menginfeksi|menjangkiti|mengambil\s+alih|menguasai|mengendalikan|(?:mendapatkan|mendapat|memperoleh)\s+akses|menyusup|mencuri)\b)",
     1.0f},
    {F::kCompromise,
     DEV
     R"(\s+(?:\S+\s+){0,2}(?:telah|sudah|berhasil)?\s*(?:\S+\s+)?(?:diretas|dibobol|di-?hack|digodam|terinfeksi|dijangkiti|dikuasai|diambil\s+alih|disusupi)\b)",
     1.0f},
    {F::kCompromise,
     R"(\b(?:akses|kawalan|kendali|kontrol)\s+(?:penuh\s+)?(?:ke|pada|kepada|atas|terhadap)\s+(?:semua\s+|seluruh\s+)?(?:\S+\s+)?)" DEV,
     0.9f},
    // English loanwords (malware, trojan, spyware) are left to lexicon_en.cpp.
    {F::kCompromise,
     R"(\b(?:perangkat\s+lunak\s+(?:jahat|mata-mata|berbahaya)|perisian\s+(?:hasad|intip|perisik)|pintu\s+belakang)\b)",
     0.6f},
    {F::kCompromise,
     R"(\b(?:saya|kami|aku)\s+(?:adalah\s+|ialah\s+)?(?:seorang\s+)?(?:\S+\s+)?(?:hacker|peretas|penggodam|programmer|pengaturcara)\b|\b(?:kerentanan|celah\s+keamanan|kelemahan\s+keselamatan)\b)",
     0.7f},
    {F::kRecording,
     R"(\b(?:merekam|direkam|terekam|merakam|dirakam|rekaman|rakaman|memfilmkan|tangkapan\s+layar|tangkapan\s+skrin)\b)",
     0.8f},
    {F::kRecording,
     R"(\b(?:webcam|kamera)\w*\s+(?:\S+\s+){0,8}(?:merekam|merakam|menyala|menyalakan|mengaktifkan|diaktifkan|menghidupkan|dihidupkan))",
     0.9f},
    {F::kRecording,
     R"(\bvideo\s+(?:\S+\s+){0,3}(?:anda|kamu|dirimu|awak)\s+(?:sedang|ketika|saat|semasa|waktu)\b)",
     0.9f},
    {F::kAdult,
     R"(\bporno\w*|\bsitus\s+(?:dewasa|porno|lucah)|\blaman\s+(?:dewasa|lucah)|\b(?:konten|kandungan)\s+dewasa|\blucah\b|\bmasturbasi|\bonani|\bmelancap|\bmemuaskan\s+diri|\bvideo\s+(?:intim|mesum|seks|bogel)|\bmesum\b)",
     0.9f},
    // With a speaker or "akan" (will) before the verb; "bagikan ke teman-teman Anda"
    // is a newsletter's line, so the bare form is weak.
    {F::kExposure,
     R"(\b(?:saya|kami|aku|akan|bakal)\s+(?:\S+\s+){0,3})" SPREAD
     R"(\s+(?:\S+\s+){0,8}(?:ke|kepada|pada|di|dengan|untuk)\s+(?:semua\s+|seluruh\s+)?(?:\S+\s+){0,2})" AUD,
     1.0f},
    {F::kExposure,
     SPREAD
     R"(\s+(?:\S+\s+){0,8}(?:ke|kepada|pada|di|dengan|untuk)\s+(?:semua\s+|seluruh\s+)?(?:\S+\s+){0,2})" AUD,
     0.4f},
    {F::kExposure, R"(\b(?:akan|bakal)\s+(?:\S+\s+){0,3})" LEAK, 0.7f},
    {F::kExposure,
     R"(\b(?:menghancurkan|hancurkan|merusak|merosakkan|memusnahkan|menjatuhkan)\s+(?:\S+\s+){0,3}(?:reputasi|nama\s+baik|karier|karir|kerjaya|hidup|kehidupan)|\b(?:penawar|pembida|pembeli)\s+tertinggi\b)",
     0.9f},
    {F::kExposure,
     R"(\b(?:mesin\s+pencari|enjin\s+carian)\s+(?:\S+\s+){0,6}(?:daftar\s+hitam|senarai\s+hitam|dihapus\w*|hilang))",
     0.9f},
    // Bare "transfer" is English too: only with an Indonesian word after it.
    {F::kPayment,
     R"(\btransfer\s+(?:\S+\s+){0,4}(?:ke|dalam|sebesar|senilai|sejumlah)\s+(?:\S+\s+){0,3}(?:bitcoin\w*|btc|kripto\w*|dompet|alamat|\d))",
     0.8f},
    {F::kPayment,
     R"(\b(?:bayar|membayar|bayarkan|mentransfer|transferkan|kirim|kirimkan|hantar|pembayaran|setor|setorkan)\s+(?:\S+\s+){0,6}(?:(?:bitcoin\w*|btc|kripto\w*|dompet|alamat|usd|dolar|rp|idr|rm|myr|rupiah|ringgit)\b|\$|\d+\s*(?:usd|dolar|rp|idr|rm|myr|rupiah|ringgit|btc|juta|ribu)\b))",
     0.8f},
    {F::kPayment,
     R"(\b(?:salin\s+dan\s+tempel|salin\s+(?:dan\s+)?tampal|setara\s+(?:dengan\s+)?\S+\s+(?:dalam\s+)?bitcoin|dalam\s+bentuk\s+bitcoin|biaya\w*|bayaran|harganya\s+(?:adalah|ialah)|tidak\s+(?:dapat|bisa|boleh)\s+(?:ditawar|dirunding)\w*)\b)",
     0.6f},
    {F::kRelease,
     R"(\b(?:menghapus\w*|hapus\w*|dihapus\w*|memadam\w*|padam\w*|dipadam\w*|memusnahkan|dimusnahkan)\s+(?:\S+\s+){0,4}(?:video|data|rekaman|rakaman|semua|semuanya|file|fail|bahan|materi))",
     0.6f},
    {F::kCrypto,
     R"(\b(?:alamat|dompet)\s+(?:bitcoin|btc)\b|\bmata\s+(?:uang|wang)\s+kripto\b|\b(?:aset\s+)?kripto\b)",
     0.8f},
    {F::kDeadline,
     R"(\b(?:dalam(?:\s+waktu|\s+tempoh|\s+masa)?|anda\s+(?:punya|memiliki|mempunyai|ada)|kamu\s+punya|hanya|cuma|tinggal)\s+(?:\S+\s+){0,2}(?:\d+|satu|dua|tiga|empat|lima|tujuh)\s*(?:jam|hari|h)\b)",
     0.9f},
    {F::kDeadline,
     R"(\b(?:batas\s+waktu|tenggat\w*|tarikh\s+akhir|hitung\s+mundur|kira\s+detik|waktu\s+(?:terus\s+)?berjalan|masa\s+berjalan)\b)",
     0.6f},
    {F::kAntiResponse,
     R"(\b(?:jangan|tidak\s+perlu|tak\s+perlu)\s+(?:\S+\s+)?(?:membalas|balas|menjawab)\b|\b(?:polisi|polis|pihak\s+berwajib|pihak\s+berkuasa)\s+(?:\S+\s+){0,8}(?:tidak|tak|sia-sia|percuma|membantu))",
     0.8f},
    {F::kAntiResponse,
     R"(\bsaya\s+(?:akan\s+)?(?:tahu|mengetahui|mendapat\s+notifikasi|menerima\s+pemberitahuan|dimaklumkan|diberitahu)\s+(?:\S+\s+){0,8}(?:membuka|dibuka|membaca|dibaca|buka|baca))",
     0.8f},
    {F::kProof,
     R"(\b(?:kata\s+sandi|kata\s+laluan|password)\s*)" YOUR
     R"(\s*(?:adalah|ialah|:)|\b(?:kata\s+sandi|kata\s+laluan)mu\s+(?:adalah|ialah|:))",
     1.0f},
    {F::kSelfSent,
     R"(\b(?:dikirim|dihantar|ditulis|saya\s+kirim|saya\s+hantar)\s+(?:\S+\s+){0,4}(?:dari|melalui|menggunakan)\s+(?:akun|akaun|alamat|e-?mail|e-?mel|kotak\s+masuk|server|pelayan)\s*(?:email\s+)?)" YOUR,
     1.0f},
    {F::kCorporate,
     R"(\b(?:(?:situs\s+web|situs|website|laman\s+web|perusahaan|syarikat|toko\s+online|kedai\s+dalam\s+talian)\s*)" YOUR
     R"(|basis\s+data|pangkalan\s+data|mesin\s+pencari|enjin\s+carian|pelanggan|pemasok|pembekal)\b)",
     0.5f},
    {F::kPersonalData,
     R"(\b(?:data\s+pribadi|data\s+peribadi|maklumat\s+peribadi|rekening\s+bank|akaun\s+bank|kartu\s+kredit|kad\s+kredit|ktp|kad\s+pengenalan|nomor\s+paspor)\b)",
     0.5f},
    {F::kBenign,
     R"(\b(?:bukti\s+(?:pembayaran|transaksi)|kuitansi|resit|id\s+transaksi|nomor\s+pesanan|deposit\s+(?:berhasil|diterima)|penarikan\s+berhasil|berhenti\s+berlangganan|batal\s+langganan)\b)",
     0.5f},
};

#undef YOUR
#undef DEV
#undef AUD
#undef SPREAD
#undef LEAK

}  // namespace

std::span<const LexEntry> LexiconId() { return kEntries; }

}  // namespace extortrace::detect
