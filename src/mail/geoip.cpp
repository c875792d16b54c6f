#include "mail/geoip.h"

#include <GeoIP.h>

#include <cstdio>

namespace extortrace::mail {
namespace {

struct Databases {
  GeoIP* v4 = nullptr;
  GeoIP* v6 = nullptr;
  Databases() {
    // GeoIP prints to stderr when a file is missing; check first.
    if (FILE* f = std::fopen("/usr/share/GeoIP/GeoIP.dat", "rb")) {
      std::fclose(f);
      v4 = GeoIP_open("/usr/share/GeoIP/GeoIP.dat", GEOIP_MEMORY_CACHE);
    }
    if (FILE* f = std::fopen("/usr/share/GeoIP/GeoIPv6.dat", "rb")) {
      std::fclose(f);
      v6 = GeoIP_open("/usr/share/GeoIP/GeoIPv6.dat", GEOIP_MEMORY_CACHE);
    }
  }
  ~Databases() {
    if (v4) GeoIP_delete(v4);
    if (v6) GeoIP_delete(v6);
  }
};

const Databases& Dbs() {
  static const Databases dbs;
  return dbs;
}

}  // namespace

std::string CountryOfIp(const std::string& ip) {
  if (ip.empty()) return {};
  const Databases& d = Dbs();
  GeoIPLookup gl{};
  const char* cc = nullptr;
  if (ip.find(':') != std::string::npos) {
    if (d.v6) cc = GeoIP_country_code_by_addr_v6_gl(d.v6, ip.c_str(), &gl);
  } else if (d.v4) {
    cc = GeoIP_country_code_by_addr_gl(d.v4, ip.c_str(), &gl);
  }
  return cc ? std::string(cc) : std::string();
}

}  // namespace extortrace::mail
