// The Boost.Test module that every unit test file joins.
#define BOOST_TEST_MODULE plangen
#include <boost/test/unit_test.hpp>
