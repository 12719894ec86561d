#ifndef STRETCHGUARD_CI2C_H
#define STRETCHGUARD_CI2C_H
// The Linux I2C edge: libi2c's SMBus calls (<i2c/smbus.h>, link -li2c; Debian's libi2c-dev ships no
// pkg-config file) and the i2c-dev ioctls, which Swift cannot call because ioctl(2) is variadic.
#include <stdint.h>
#include <linux/types.h>
#include <linux/i2c.h>
#include <linux/i2c-dev.h>
#include <i2c/smbus.h>

/// Selects the 7-bit target address for later transfers on `fd` (ioctl I2C_SLAVE).
/// Returns 0, or -1 with errno set (EBUSY: a kernel driver owns the address).
int sg_i2c_set_target(int fd, uint8_t address);

/// Reads the adapter's functionality mask (ioctl I2C_FUNCS) into `funcs`.
/// Returns 0, or -1 with errno set.
int sg_i2c_functionality(int fd, unsigned long *funcs);

#endif
