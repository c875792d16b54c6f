// IP address to country (ISO 3166-1 alpha-2), from the GeoIP country
// databases Debian ships in geoip-database (/usr/share/GeoIP/GeoIP.dat and
// GeoIPv6.dat, read once into memory).
//
// Thread-safe: the databases are opened once, lookups use caller-owned state.
// When the databases are missing every lookup returns "".
#pragma once

#include <string>

namespace extortrace::mail {

std::string CountryOfIp(const std::string& ip);

}  // namespace extortrace::mail
