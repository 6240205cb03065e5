/**
 * The classical decoders that brain-machine-interface labs use as baselines, fitted offline and run online:
 * {@link io.spikeline.models.decode.WienerDecoder} (ridge regression of kinematics on lagged bin counts) and
 * {@link io.spikeline.models.decode.KalmanDecoder} (a linear-Gaussian state model of the kinematics with a
 * steady-state gain). Their equations are in each class. Fitting accumulates sufficient statistics bin by bin
 * and solves once; decoding is a fixed number of multiply-adds per bin.
 */
package io.spikeline.models.decode;
