// zlib's gzip reader, for `.csv.gz` traces. Debian package: zlib1g-dev.
#include <zlib.h>
