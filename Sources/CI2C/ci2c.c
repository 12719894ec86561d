// Wrappers for the two i2c-dev ioctls (variadic ioctl(2) is not callable from Swift).
#include "ci2c.h"
#include <sys/ioctl.h>

int sg_i2c_set_target(int fd, uint8_t address) {
    return ioctl(fd, I2C_SLAVE, (unsigned long)address);
}

int sg_i2c_functionality(int fd, unsigned long *funcs) {
    return ioctl(fd, I2C_FUNCS, funcs);
}
