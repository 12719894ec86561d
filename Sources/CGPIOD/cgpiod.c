#include "cgpiod.h"
int sg_gpiod_api_major(void) { return 0; }
