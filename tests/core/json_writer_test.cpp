#include "core/json_writer.h"

#include <gtest/gtest.h>

namespace extortrace {
namespace {

TEST(JsonWriter, NestedContainersGetCommas) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Field("a", int64_t{1});
  w.Key("b");
  w.BeginArray();
  w.String("x");
  w.Null();
  w.Bool(true);
  w.EndArray();
  w.Field("c", "d");
  w.EndObject();
  EXPECT_EQ(out, R"({"a":1,"b":["x",null,true],"c":"d"})");
}

TEST(JsonWriter, EscapesControlAndInvalidUtf8) {
  std::string out;
  AppendJsonString(std::string("a\"\\\n\x01\xff"
                               "\xe3\x81\x82",
                               9),
                   &out);
  EXPECT_EQ(out, "\"a\\\"\\\\\\n\\u0001\xEF\xBF\xBD\xe3\x81\x82\"");
}

TEST(JsonWriter, NonFiniteDoubleIsNull) {
  std::string out;
  JsonWriter w(&out);
  w.BeginArray();
  w.Double(1.5);
  w.Double(0.0 / 0.0);
  w.EndArray();
  EXPECT_EQ(out, "[1.5,null]");
}

}  // namespace
}  // namespace extortrace
