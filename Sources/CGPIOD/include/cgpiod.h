#ifndef STRETCHGUARD_CGPIOD_H
#define STRETCHGUARD_CGPIOD_H
// Placeholder: the libgpiod shim (1.6 and 2.x APIs) arrives with the GPIO layer.
int sg_gpiod_api_major(void);
#endif
