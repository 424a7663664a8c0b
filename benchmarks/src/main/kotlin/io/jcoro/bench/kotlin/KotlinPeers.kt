package io.jcoro.bench.kotlin

import java.util.function.ToLongFunction
import kotlin.time.Duration.Companion.hours
import kotlin.time.Duration.Companion.minutes
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.Deferred
import kotlinx.coroutines.Job
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.cancelChildren
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.delay
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.test.runTest
import kotlinx.coroutines.yield

/**
 * The Kotlin coroutine twins of io.jcoro.bench.coro.Workloads, each on runBlocking's
 * single-threaded event loop (the sleep storm on runTest's virtual time). Same shapes, same
 * counts, values below 128 (no boxing allocation).
 */
object KotlinPeers {

    @JvmStatic
    fun yieldResume(tasks: Int, rounds: Int) = runBlocking {
        repeat(tasks) {
            launch {
                repeat(rounds) { yield() }
            }
        }
    }

    @JvmStatic
    fun spawnComplete(n: Int): Int = runBlocking {
        val all = arrayOfNulls<Deferred<Int>>(n)
        for (i in 0 until n) all[i] = async { 1 }
        var sum = 0
        for (d in all) sum += d!!.await()
        sum
    }

    @JvmStatic
    fun awaitDone(done: CompletableDeferred<Int>, n: Int): Int = runBlocking {
        var sum = 0
        repeat(n) { sum += done.await() }
        sum
    }

    /** A suspend function with a suspension point it does not take (as Workloads.immediate). */
    @JvmStatic
    suspend fun immediate(i: Int): Int {
        if (i < 0) yield()
        return i and 127
    }

    @JvmStatic
    fun awaitImmediate(n: Int): Int = runBlocking {
        var sum = 0
        for (i in 0 until n) sum += immediate(i)
        sum
    }

    suspend fun chain(depth: Int): Int {
        if (depth == 0) {
            yield()
            return 0
        }
        return chain(depth - 1) + 1
    }

    @JvmStatic
    fun chains(depth: Int, times: Int): Int = runBlocking {
        var sum = 0
        repeat(times) { sum += chain(depth) }
        sum
    }

    suspend fun failing(depth: Int): Int {
        if (depth == 0) {
            yield()
            throw IllegalStateException("bottom")
        }
        return failing(depth - 1) + 1
    }

    @JvmStatic
    fun failures(depth: Int, times: Int): Int = runBlocking {
        var frames = 0
        repeat(times) {
            try {
                failing(depth)
            } catch (e: IllegalStateException) {
                frames += e.stackTrace.size
            }
        }
        frames
    }

    private class Mailbox {
        @Volatile
        var slot = CompletableDeferred<Any>()
    }

    private val BALL = Any()

    private suspend fun player(mine: Mailbox, other: Mailbox, hops: Int, serve: Boolean) {
        if (serve) other.slot.complete(BALL)
        repeat(hops) {
            val ball = mine.slot.await()
            mine.slot = CompletableDeferred()
            other.slot.complete(ball)
        }
    }

    @JvmStatic
    fun pingPong(hops: Int) = runBlocking {
        val a = Mailbox()
        val b = Mailbox()
        launch { player(a, b, hops, true) }
        launch { player(b, a, hops, false) }
    }

    @JvmStatic
    fun fanOut(n: Int): Int = runBlocking {
        val children = ArrayList<Deferred<Int>>(n)
        for (i in 0 until n) children.add(async { i and 127 })
        children.awaitAll().size
    }

    @JvmStatic
    fun cancelTree(n: Int): Int = runBlocking {
        val kids = arrayOfNulls<Job>(n)
        for (i in 0 until n) kids[i] = launch { delay(1.hours) }
        yield() // the children ran before us: all of them are in delay now
        for (k in kids) k!!.cancel()
        yield() // they are resumed with the cancellation and end before us
        kids.count { it!!.isCancelled }
    }

    @JvmStatic
    fun sleepStorm(millis: LongArray) = runTest(timeout = 10.minutes) {
        var left = millis.size
        for (ms in millis) {
            launch {
                delay(ms)
                left--
            }
        }
    }

    @JvmStatic
    fun queueHandOff(items: Int): Int = runBlocking {
        val q = Channel<Int>(1)
        launch { repeat(items) { q.send(7) } }
        var sum = 0
        repeat(items) { sum += q.receive() }
        sum
    }

    // ---------------------------------------------------------------- memory

    /** n coroutines parked on one CompletableDeferred; measure() runs while all of them are. */
    @JvmStatic
    fun parked(n: Int, counter: IntArray, measure: ToLongFunction<Any>): Long = runBlocking {
        val gate = CompletableDeferred<Unit>()
        repeat(n) {
            launch {
                counter[0]++
                gate.await()
            }
        }
        yield()
        check(counter[0] == n) { "${counter[0]} of $n coroutines reached their await" }
        val bytes = measure.applyAsLong(gate)
        gate.complete(Unit)
        bytes
    }

    /** n coroutines in delay(1 hour); measure() runs while all of them are. */
    @JvmStatic
    fun asleep(n: Int, counter: IntArray, measure: ToLongFunction<Any>): Long = runBlocking {
        repeat(n) {
            launch {
                counter[0]++
                delay(1.hours)
            }
        }
        yield()
        check(counter[0] == n) { "${counter[0]} of $n coroutines reached their delay" }
        val bytes = measure.applyAsLong(coroutineContext[Job]!!)
        coroutineContext.cancelChildren()
        bytes
    }
}
